// C shim for libedit, used by the LineEditor target.
//
// libedit's el_set, el_get and history are variadic, which Swift cannot call ("Variadic function
// is unavailable"), and el_init takes the C stdio globals stdin/stdout/stderr, which Swift 6
// rejects as not concurrency-safe. Each wrapper below is one fixed-argument call, named after the
// operation it performs; nothing else lives here.
#ifndef NEWSQ_CEDITLINE_SHIM_H
#define NEWSQ_CEDITLINE_SHIM_H

#include <histedit.h>
#include <stdio.h>

/// A libedit prompt callback: returns the prompt text, which must outlive the call.
typedef char *(*newsq_prompt_fn)(EditLine *);
/// A libedit editor function bound to a key: returns one of the CC_* codes.
typedef unsigned char (*newsq_editor_fn)(EditLine *, int);
/// A libedit character reader: stores one character, returns 1, 0 at the end, -1 on error.
typedef int (*newsq_getc_fn)(EditLine *, wchar_t *);

/// el_init on the process's standard streams.
static inline EditLine *newsq_el_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

/// EL_PROMPT_ESC: the prompt callback; text between two `ignore` characters takes no room on
/// screen (for terminal escape sequences).
static inline int newsq_el_set_prompt(EditLine *el, newsq_prompt_fn prompt, char ignore) {
    return el_set(el, EL_PROMPT_ESC, prompt, ignore);
}

/// EL_CLIENTDATA set: an opaque pointer callbacks read back with newsq_el_get_clientdata.
static inline int newsq_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

/// EL_CLIENTDATA get.
static inline void *newsq_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

/// EL_EDITOR: "emacs" or "vi" key bindings.
static inline int newsq_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

/// EL_SIGNAL: whether libedit installs its own handlers (SIGWINCH resizes) while reading.
static inline int newsq_el_set_signal(EditLine *el, int flag) {
    return el_set(el, EL_SIGNAL, flag);
}

/// EL_SETTY with one setting for edit mode, e.g. ("-d", "-isig").
static inline int newsq_el_setty(EditLine *el, const char *mode, const char *setting) {
    return el_set(el, EL_SETTY, mode, setting, NULL);
}

/// EL_ADDFN: names an editor function so that keys can be bound to it.
static inline int newsq_el_addfn(EditLine *el, const char *name, const char *help, newsq_editor_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

/// EL_BIND: binds a key sequence (e.g. "^C", "\t") to a named editor function.
static inline int newsq_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, NULL);
}

/// EL_GETCFN: the function libedit reads characters with.
static inline int newsq_el_set_getc(EditLine *el, newsq_getc_fn getc) {
    return el_set(el, EL_GETCFN, getc);
}

/// EL_BIND -a: binds a key in the alternate keymap (vi command mode).
static inline int newsq_el_bind_alternate(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, "-a", key, function, NULL);
}

/// EL_HIST: the history the editor's up/down arrows and searches walk.
static inline int newsq_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

/// H_SETSIZE: the most entries kept in memory.
static inline int newsq_history_setsize(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

/// H_SETUNIQUE: whether an entry equal to the previous one is dropped.
static inline int newsq_history_setunique(History *h, int unique) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, unique);
}

/// H_ENTER: appends an entry.
static inline int newsq_history_enter(History *h, const char *entry) {
    HistEvent event;
    return history(h, &event, H_ENTER, entry);
}

#endif

// C shim for libpq, PostgreSQL's client library, used by the newsq-pg proxy only.
//
// newsq itself never links libpq: the release newsq is a fully static executable and Debian's
// libpq cannot be linked statically (docs/postgresql.md). Besides the header, one thing lives
// here because it must be C: the SIGUSR1 handler that cancels the running statement, which
// newsq sends when it stops reading a long answer. PQcancel is safe in a signal handler (with
// its error buffer on the handler's stack); Swift code is not. Swift compiles each file that
// calls these into its own object, each with its own copy of the static state below: call
// them from one Swift file only (ProxySession.swift).
#ifndef NEWSQ_CLIBPQ_SHIM_H
#define NEWSQ_CLIBPQ_SHIM_H

#include <errno.h>
#include <libpq-fe.h>
#include <signal.h>
#include <string.h>

/// What the handler cancels: the connection's cancel object, or NULL.
static PGcancel *volatile newsq_cancel_target = NULL;

/// SIGUSR1: asks the server to cancel whatever the connection runs (nothing when it is idle).
static void newsq_cancel_on_signal(int signal_number) {
    (void)signal_number;
    int saved = errno;
    PGcancel *target = newsq_cancel_target;
    if (target != NULL) {
        char message[256];
        (void)PQcancel(target, message, (int)sizeof message);
    }
    errno = saved;
}

/// Installs the SIGUSR1 handler (interrupted reads and writes restart); 0 on success.
static inline int newsq_install_cancel_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = newsq_cancel_on_signal;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    return sigaction(SIGUSR1, &action, NULL);
}

/// Makes `connection` (or nothing, for NULL) what SIGUSR1 cancels, with the signal blocked
/// meanwhile so that the handler never sees a cancel object being freed.
static inline void newsq_set_cancel_target(PGconn *connection) {
    sigset_t blocked, previous;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGUSR1);
    sigprocmask(SIG_BLOCK, &blocked, &previous);
    PGcancel *old = newsq_cancel_target;
    newsq_cancel_target = connection != NULL ? PQgetCancel(connection) : NULL;
    if (old != NULL) PQfreeCancel(old);
    sigprocmask(SIG_SETMASK, &previous, NULL);
}

#endif

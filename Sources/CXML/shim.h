// C shim for libxml2's HTML parser, used by the NewsWeb target (docs/web-pages.md).
//
// xmlFree is a global function-pointer variable, which Swift 6 refuses to read (shared mutable
// state); the wrappers below call it, and the encoding lookups, from C. Nothing else lives here.
#ifndef NEWSQ_CXML_SHIM_H
#define NEWSQ_CXML_SHIM_H

// libxml2 here is built with ICU, so its encoding.h would include ICU's <unicode/ucnv.h>; Foundation
// carries its own, newer ICU headers (_FoundationICU), and a Swift module that sees both fails
// ("'UErrorCode' has different definitions in different modules"). Nothing here touches the ICU
// members of xmlCharEncodingHandler (we only pass its pointer back to libxml2), so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/// Frees memory libxml2 allocated (xmlNodeGetContent's result, for one).
static inline void cxml_free(void *p) { xmlFree(p); }

/// Whether libxml2 can convert text in the named encoding to UTF-8 (its own table, then iconv
/// or ICU): 1 when it can, 0 when it cannot.
static inline int cxml_encoding_supported(const char *name) {
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(name);
    if (handler == NULL) return 0;
    xmlCharEncCloseFunc(handler);
    return 1;
}

#endif

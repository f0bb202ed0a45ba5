// C shim for libpq, PostgreSQL's client library, used by the newsq-pg proxy only.
//
// newsq itself never links libpq: the release newsq is a fully static executable and Debian's
// libpq cannot be linked statically (docs/postgresql.md). Nothing here but the header.
#ifndef NEWSQ_CLIBPQ_SHIM_H
#define NEWSQ_CLIBPQ_SHIM_H

#include <libpq-fe.h>

#endif

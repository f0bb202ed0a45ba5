// C shim for libedit. libedit's el_set/el_get/history are variadic and el_init takes the C
// stdio globals, none of which Swift 6 can call directly; the REPL issue adds one fixed-argument
// wrapper per use here. For now this only makes <histedit.h> visible to Swift.
#ifndef NEWSQ_CEDITLINE_SHIM_H
#define NEWSQ_CEDITLINE_SHIM_H
#include <histedit.h>
#endif

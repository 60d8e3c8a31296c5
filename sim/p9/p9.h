/*
 * p9.h: the 9P2000.L protocol's numbers for the server.  They live with
 * the services' client (services/include/uapi/p9.h), one copy for both
 * ends of the wire.
 */
#ifndef P9_H
#define P9_H

#include "../../services/include/uapi/p9.h"

#endif /* P9_H */

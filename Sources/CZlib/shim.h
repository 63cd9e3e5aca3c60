#ifndef TRIALREPORT_CZLIB_SHIM_H
#define TRIALREPORT_CZLIB_SHIM_H
#include <zlib.h>
#endif

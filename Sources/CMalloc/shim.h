#ifndef TRIALREPORT_CMALLOC_SHIM_H
#define TRIALREPORT_CMALLOC_SHIM_H
#include <malloc.h>
#endif

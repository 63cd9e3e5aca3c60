#ifndef TRIALREPORT_CCAIRO_SHIM_H
#define TRIALREPORT_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-ps.h>
#include <pango/pangocairo.h>
#include <hb.h>
#include <hb-ot.h>
#endif

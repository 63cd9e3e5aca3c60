#ifndef TRIALREPORT_CTCMALLOC_SHIM_H
#define TRIALREPORT_CTCMALLOC_SHIM_H
/* gperftools' tcmalloc (libtcmalloc-minimal4): importing the module links it, and its malloc and
   free then serve the whole process in place of glibc's. Declared in gperftools'
   malloc_extension_c.h, which only its -dev package installs. */
void MallocExtension_ReleaseFreeMemory(void);
#endif

/*
** kehoach.h — what every part of the engine shares: the version, the exit codes that
** tell a user which kind of failure happened, and the error record C functions fill in.
*/
#ifndef KEHOACH_H
#define KEHOACH_H

#include <stddef.h>

#define KEHOACH_VERSION "0.1.0"

/* Exit codes. The README lists them; tests assert them. Keep the numbers stable. */
enum kh_exit {
  KH_OK = 0,          /* done (warnings may have been printed) */
  KH_EPLAN = 1,       /* the plan has an error: syntax, run-time, or a failed check */
  KH_EUSAGE = 2,      /* the command line is wrong */
  KH_EDATA = 3,       /* the registry or an input file is missing, invalid or corrupt */
  KH_ELIMIT = 4,      /* the plan exceeded the instruction or memory limit; out of memory */
  KH_EOUTPUT = 5,     /* an output file or the results database could not be written */
  KH_EBUSY = 6,       /* a database stayed locked by another process */
  KH_ENOTBUILT = 7,   /* the verb exists in the design but is not built yet */
  KH_EINTERNAL = 70   /* a bug in kehoach itself */
};

/* An error: the exit code it maps to and a message for the user. Filled by kh_seterror. */
typedef struct kh_error {
  int code;
  char msg[2048];
} kh_error;

/* Sets e->code and formats e->msg (printf-style). e may be NULL. Returns code. */
int kh_seterror(kh_error *e, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The name of an exit code's kind ("plan", "usage", "data", ...), for error tables. */
const char *kh_kind_name(int code);

/* The exit code for a kind name; KH_EINTERNAL when the name is unknown. */
int kh_kind_code(const char *name);

#endif

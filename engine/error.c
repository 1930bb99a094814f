/*
** error.c — the error record shared by the C layers, and the names of the exit codes'
** kinds, which is how Lua code (core.fail) says which kind of failure it raises.
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kehoach.h"

static const struct { int code; const char *name; } kinds[] = {
  {KH_OK, "ok"},         {KH_EPLAN, "plan"},         {KH_EUSAGE, "usage"},
  {KH_EDATA, "data"},    {KH_ELIMIT, "limit"},       {KH_EOUTPUT, "output"},
  {KH_EBUSY, "busy"},    {KH_ENOTBUILT, "notbuilt"}, {KH_EINTERNAL, "internal"},
};

int kh_seterror(kh_error *e, int code, const char *fmt, ...) {
  if (e) {
    va_list ap;
    va_start(ap, fmt);
    e->code = code;
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
  }
  return code;
}

const char *kh_kind_name(int code) {
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    if (kinds[i].code == code) return kinds[i].name;
  return "internal";
}

int kh_kind_code(const char *name) {
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    if (strcmp(kinds[i].name, name) == 0) return kinds[i].code;
  return KH_EINTERNAL;
}

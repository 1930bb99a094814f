/*
** lua_text.c — core.text: Vietnamese text through libutf8proc.
**
**   text.valid(s)        true, or false and the byte offset of the first bad sequence
**   text.nfc(s)          s in NFC, or nil and why (invalid UTF-8)
**   text.fold(s)         a key under which names match: case folded, spaces collapsed,
**                        and tone marks moved to the end of their syllable, so the old and
**                        new tone placements agree ("Hoà Bình" and "Hòa Bình" give one key)
**   text.ascii(s)        s without diacritics (đ -> d), for file names and sort keys
**   text.width(s)        columns s takes on a terminal
**   text.upper(s), text.lower(s)
**   text.distance(a, b)  edit distance in code points, for "did you mean" suggestions
**
** Functions other than valid and nfc raise on invalid UTF-8.
*/
#include <string.h>

#include <lauxlib.h>
#include <utf8proc.h>

#include "modules.h"

/* Decodes the string at index i into code points (NFC when options hold COMPOSE; case
** folded and decomposed with CASEFOLD and DECOMPOSE), in a userdata pushed on the stack:
** Lua owns the memory, so an error raised later (even running out of memory) leaks
** nothing. Returns them with the count in *n; on invalid UTF-8 pushes nothing and
** returns NULL with utf8proc's error code in *n. Stack: [-0, +(0|1), m]. */
static utf8proc_int32_t *decode_or_null(lua_State *L, int i, int options, utf8proc_ssize_t *n) {
  size_t len;
  const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)luaL_checklstring(L, i, &len);
  utf8proc_ssize_t got = utf8proc_decompose(s, (utf8proc_ssize_t)len, NULL, 0, options);
  if (got < 0) {
    *n = got;
    return NULL;
  }
  utf8proc_int32_t *buf = lua_newuserdatauv(L, sizeof *buf * (size_t)(got + 1), 0);
  got = utf8proc_decompose(s, (utf8proc_ssize_t)len, buf, got, options);
  if (got >= 0 && (options & UTF8PROC_COMPOSE)) got = utf8proc_normalize_utf32(buf, got, options);
  if (got < 0) lua_pop(L, 1);
  *n = got;
  return got < 0 ? NULL : buf;
}

/* decode_or_null that raises on invalid UTF-8. Stack: [-0, +1, m|e]. */
static utf8proc_int32_t *decode(lua_State *L, int i, int options, utf8proc_ssize_t *n) {
  utf8proc_int32_t *cps = decode_or_null(L, i, options, n);
  if (cps == NULL) luaL_error(L, "text is not valid UTF-8: %s", utf8proc_errmsg(*n));
  return cps;
}

/* Pushes the code points as UTF-8. Stack: [-0, +1, m]. */
static void push_codepoints(lua_State *L, const utf8proc_int32_t *cps, utf8proc_ssize_t n) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (utf8proc_ssize_t i = 0; i < n; i++) {
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t k = utf8proc_encode_char(cps[i], enc);
    luaL_addlstring(&b, (const char *)enc, (size_t)k);
  }
  luaL_pushresult(&b);
}

static int l_valid(lua_State *L) {
  size_t len;
  const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)luaL_checklstring(L, 1, &len);
  utf8proc_int32_t c;
  for (size_t at = 0; at < len;) {
    utf8proc_ssize_t k = utf8proc_iterate(s + at, (utf8proc_ssize_t)(len - at), &c);
    if (k < 0) {
      lua_pushboolean(L, 0);
      lua_pushinteger(L, (lua_Integer)at + 1);
      return 2;
    }
    at += (size_t)k;
  }
  lua_pushboolean(L, 1);
  return 1;
}

static int l_nfc(lua_State *L) {
  utf8proc_ssize_t n;
  utf8proc_int32_t *cps = decode_or_null(L, 1, UTF8PROC_STABLE | UTF8PROC_COMPOSE, &n);
  if (cps == NULL) {
    luaL_pushfail(L);
    lua_pushfstring(L, "text is not valid UTF-8: %s", utf8proc_errmsg(n));
    return 2;
  }
  push_codepoints(L, cps, n);
  return 1;
}

/* The five Vietnamese tone marks, as combining characters. */
static int is_tone(utf8proc_int32_t c) {
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

static int is_word_char(utf8proc_int32_t c) {
  utf8proc_category_t cat = utf8proc_category(c); /* letters, marks and numbers */
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;
}

static int l_fold(lua_State *L) {
  utf8proc_ssize_t n;
  utf8proc_int32_t *cps = decode(L, 1, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD, &n);
  utf8proc_int32_t *out = lua_newuserdatauv(L, sizeof *out * (size_t)(n + 1), 0);
  utf8proc_ssize_t m = 0;
  utf8proc_int32_t tone = 0;
  int space = 0;
  for (utf8proc_ssize_t i = 0; i <= n; i++) {
    utf8proc_int32_t c = i < n ? cps[i] : ' ';
    if (is_word_char(c)) {
      if (is_tone(c)) {
        tone = c; /* a syllable carries one tone: keep it for the syllable's end */
        continue;
      }
      if (space && m > 0) out[m++] = ' ';
      space = 0;
      out[m++] = c;
    } else {
      if (tone) out[m++] = tone;
      tone = 0;
      if (utf8proc_category(c) == UTF8PROC_CATEGORY_ZS || c == '\t' || c == '\n' || c == '\r')
        space = 1;
      else if (i < n) {
        if (space && m > 0) out[m++] = ' ';
        space = 0;
        out[m++] = c;
      }
    }
  }
  push_codepoints(L, out, m);
  return 1;
}

static int l_ascii(lua_State *L) {
  utf8proc_ssize_t n;
  utf8proc_int32_t *cps = decode(L, 1, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE, &n);
  utf8proc_ssize_t m = 0;
  for (utf8proc_ssize_t i = 0; i < n; i++) {
    utf8proc_int32_t c = cps[i];
    if (utf8proc_category(c) == UTF8PROC_CATEGORY_MN) continue;
    if (c == 0x0111) c = 'd';
    else if (c == 0x0110) c = 'D';
    cps[m++] = c;
  }
  push_codepoints(L, cps, m);
  return 1;
}

static int l_width(lua_State *L) {
  utf8proc_ssize_t n;
  utf8proc_int32_t *cps = decode(L, 1, UTF8PROC_STABLE | UTF8PROC_COMPOSE, &n);
  lua_Integer w = 0;
  for (utf8proc_ssize_t i = 0; i < n; i++) w += utf8proc_charwidth(cps[i]);
  lua_pushinteger(L, w);
  return 1;
}

static int map_case(lua_State *L, utf8proc_int32_t (*f)(utf8proc_int32_t)) {
  utf8proc_ssize_t n;
  utf8proc_int32_t *cps = decode(L, 1, UTF8PROC_STABLE | UTF8PROC_COMPOSE, &n);
  for (utf8proc_ssize_t i = 0; i < n; i++) cps[i] = f(cps[i]);
  push_codepoints(L, cps, n);
  return 1;
}

static int l_upper(lua_State *L) { return map_case(L, utf8proc_toupper); }
static int l_lower(lua_State *L) { return map_case(L, utf8proc_tolower); }

static int l_distance(lua_State *L) {
  utf8proc_ssize_t n, m;
  utf8proc_int32_t *a = decode(L, 1, UTF8PROC_STABLE | UTF8PROC_COMPOSE, &n);
  utf8proc_int32_t *b = decode(L, 2, UTF8PROC_STABLE | UTF8PROC_COMPOSE, &m);
  size_t *row = lua_newuserdatauv(L, sizeof *row * (size_t)(m + 1), 0);
  for (utf8proc_ssize_t j = 0; j <= m; j++) row[j] = (size_t)j;
  for (utf8proc_ssize_t i = 1; i <= n; i++) {
    size_t diag = row[0];
    row[0] = (size_t)i;
    for (utf8proc_ssize_t j = 1; j <= m; j++) {
      size_t up = row[j];
      size_t best = diag + (a[i - 1] != b[j - 1]);
      if (up + 1 < best) best = up + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  lua_pushinteger(L, (lua_Integer)row[m]);
  return 1;
}

static const luaL_Reg text_funcs[] = {
    {"valid", l_valid}, {"nfc", l_nfc},     {"fold", l_fold},   {"ascii", l_ascii},
    {"width", l_width}, {"upper", l_upper}, {"lower", l_lower}, {"distance", l_distance},
    {NULL, NULL}};

int luaopen_kehoach_text(lua_State *L) {
  luaL_newlib(L, text_funcs);
  return 1;
}

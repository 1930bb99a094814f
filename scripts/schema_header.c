/*
** schema_header.c — a build step: writes the C header engine/store.c takes the registry's
** SQL from, derived from its one declaration (stdlib/kehoach/registry/schema.lua). Runs
** that file under plain Lua (it requires nothing) and prints
**
**   static const char registry_schema[] = "...";        the module's ddl()
**   static const char *const registry_tables[] = {...};  its table_names(), NULL-ended
**
** Usage: schema_header SCHEMA.lua > registry_schema.h. Exit 1 with a message on stderr
** when the file cannot be run or does not give both.
*/
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

/* Prints s as the body of a C string literal, one SQL statement per line. */
static void put_literal(const char *s, size_t n) {
  fputs("    \"", stdout);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') printf("\\%c", c);
    else if (c < 0x20 || c >= 0x7f) printf("\\%03o", c); /* UTF-8 bytes too: no trigraphs, no locale */
    else putchar(c);
    if (c == ';' && i + 1 < n) fputs("\"\n    \"", stdout);
  }
  fputs("\"", stdout);
}

/* [module] -> calls module[name]() and leaves its result. */
static int call_field(lua_State *L, const char *name) {
  lua_getfield(L, -1, name);
  if (!lua_isfunction(L, -1)) return 0;
  return lua_pcall(L, 0, 1, 0) == LUA_OK;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s SCHEMA.lua > registry_schema.h\n", argv[0]);
    return 1;
  }
  lua_State *L = luaL_newstate();
  if (L == NULL) return 1;
  luaL_openlibs(L);
  if (luaL_dofile(L, argv[1]) != LUA_OK || !lua_istable(L, -1)) {
    fprintf(stderr, "%s: %s\n", argv[1], lua_isstring(L, -1) ? lua_tostring(L, -1) : "returns no table");
    return 1;
  }
  if (!call_field(L, "ddl") || !lua_isstring(L, -1)) {
    fprintf(stderr, "%s: ddl() gives no SQL: %s\n", argv[1], lua_isstring(L, -1) ? lua_tostring(L, -1) : "?");
    return 1;
  }
  size_t n;
  const char *sql = lua_tolstring(L, -1, &n);
  printf("/* registry_schema.h — generated from %s by scripts/schema_header.c at build time:\n"
         "** the SQL of registry schema v1 and the tables a registry must have. Do not edit;\n"
         "** change the declaration. */\n", argv[1]);
  printf("static const char registry_schema[] =\n");
  put_literal(sql, n);
  printf(";\n\n");
  lua_pop(L, 1);
  if (!call_field(L, "table_names") || !lua_istable(L, -1)) {
    fprintf(stderr, "%s: table_names() gives no list\n", argv[1]);
    return 1;
  }
  printf("static const char *const registry_tables[] = {\n");
  for (lua_Integer i = 1; lua_rawgeti(L, -1, i) == LUA_TSTRING; i++) {
    size_t len;
    const char *name = lua_tolstring(L, -1, &len);
    put_literal(name, len);
    printf(",\n");
    lua_pop(L, 1);
  }
  printf("    NULL};\n");
  lua_close(L);
  return fflush(stdout) == 0 ? 0 : 1;
}

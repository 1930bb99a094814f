/*
** modules.c — the one list of Lua-facing C modules, opened into the stdlib's `core`.
*/
#include <lauxlib.h>

#include "modules.h"

static const luaL_Reg modules[] = {
    {"host", luaopen_kehoach_host}, {"store", luaopen_kehoach_store},
    {"text", luaopen_kehoach_text}, {"fs", luaopen_kehoach_fs},
    {"csv", luaopen_kehoach_csv},   {"cjson", luaopen_cjson},
    {"xlsx", luaopen_kehoach_xlsx}, {"zip", luaopen_kehoach_zip},
    {"sheet", luaopen_kehoach_sheet}, {"http", luaopen_kehoach_http},
    {"load", luaopen_kehoach_load},
    {"gen", luaopen_kehoach_gen},
    {NULL, NULL}};

void modules_new_class(lua_State *L, const char *name, const luaL_Reg *methods,
                       lua_CFunction close) {
  luaL_newmetatable(L, name);
  lua_newtable(L);
  luaL_setfuncs(L, methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, close);
  lua_setfield(L, -2, "__gc");
  lua_pushcfunction(L, close);
  lua_setfield(L, -2, "__close");
  lua_pop(L, 1);
}

void modules_open(lua_State *L) {
  lua_createtable(L, 0, sizeof modules / sizeof modules[0] - 1);
  for (const luaL_Reg *m = modules; m->func; m++) {
    lua_pushcfunction(L, m->func);
    lua_call(L, 0, 1);
    lua_setfield(L, -2, m->name);
  }
}

/*
** lua_gen.c — core.gen: the households of `kehoach db generate`, drawn and written in C.
** kehoach.registry.generate and kehoach.registry.year keep the layout, the bands of the
** standard, the SQL of the tallies, the messages and the checks; here is only the work done
** once per household, which in Lua took most of the time. The draws are Lua 5.4's own
** (xoshiro256**, math.randomseed and math.random as lmathlib.c makes them), made in the order
** the Lua made them, so a profile and seed give the registry they always gave
** (tests/fixtures/generate-digests.txt).
**
**   gen.rng(n [, m])          an Rng seeded as math.randomseed(n, m) seeds Lua's
**   rng:random([m [, n]])     what math.random(...) would return next
**   gen.new(db, spec)         a Generator writing into the open registry db (see
**                             read_spec for spec, which generate.lua builds); seeded as
**                             math.randomseed(spec.seed), the sizes of the households
**                             unable to escape drawn first
**   g:commune(c [, progress]) writes the households of commune c (generate.layout's entry:
**                             { commune, households, count, needs, minority }) in one go,
**                             committing every BATCH households and then calling
**                             progress(done, total); returns the households and persons
**                             written so far
**   g:close()                 finalizes its statements and frees what it holds
**   gen.year(db, spec)        a Year: the year after the review (spec: year.lua's
**                             `drawing`), seeded as math.randomseed(spec.seed, spec.year)
**   y:propose(select, persons, needs, insert)    pass one: each household's draws for the
**                             year, into temp.kh_year; returns the rows written
**   y:settle(select, survey, need, event)        pass two, after the tallies: each
**                             household brought into its band and written; returns the
**                             events and surveys written
**   y:close()                 frees what it holds
**
** The SQL both passes run is year.lua's, handed in as text; the Generator prepares its own
** four INSERTs. The schema's words (statuses, events, need kinds, indicator columns) come
** in the specs too: this file holds none of them (test_registry_schema.lua checks). Every
** userdata is made closed, then filled, with an idempotent close as both __gc and __close;
** statements of a pass are finalized however it ends.
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <sqlite3.h>

#include "modules.h"
#include "sandbox.h"

#define RNG_MT "kehoach.Rng"
#define GEN_MT "kehoach.Generator"
#define BATCH 10000 /* households per transaction, as generate.lua had them */
#define PEOPLE 8      /* persons one statement inserts: a household's, at most this many a step */

/* ---- Lua 5.4's random numbers ------------------------------------------------------------ */

typedef struct Rng {
  uint64_t s[4];
} Rng;

static uint64_t rotl(uint64_t x, int n) { return (x << n) | (x >> (64 - n)); }

/* xoshiro256**: the next 64 bits. */
static uint64_t rng_next(Rng *r) {
  uint64_t *s = r->s;
  uint64_t out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return out;
}

/* math.randomseed(n1, n2): the state {n1, 0xff, n2, 0}, its first 16 outputs thrown away. */
static void rng_seed(Rng *r, int64_t n1, int64_t n2) {
  r->s[0] = (uint64_t)n1;
  r->s[1] = 0xff;
  r->s[2] = (uint64_t)n2;
  r->s[3] = 0;
  for (int i = 0; i < 16; i++) rng_next(r);
}

/* math.random(): a float in [0, 1) from the 53 high bits. */
static double rng_float(Rng *r) { return (double)(rng_next(r) >> 11) * 0x1.0p-53; }

/* ran brought into [0, n] as lmathlib.c's `project` does: masked to the smallest 2^b - 1
** not below n, drawing again while it lands above n. */
static uint64_t rng_project(Rng *r, uint64_t ran, uint64_t n) {
  if ((n & (n + 1)) == 0) return ran & n;
  uint64_t lim = n;
  lim |= lim >> 1;
  lim |= lim >> 2;
  lim |= lim >> 4;
  lim |= lim >> 8;
  lim |= lim >> 16;
  lim |= lim >> 32;
  while ((ran &= lim) > n) ran = rng_next(r);
  return ran;
}

/* math.random(lo, up), lo <= up: a whole number in [lo, up]. */
static int64_t rng_range(Rng *r, int64_t lo, int64_t up) {
  uint64_t ran = rng_next(r);
  return (int64_t)(rng_project(r, ran, (uint64_t)up - (uint64_t)lo) + (uint64_t)lo);
}

/* gen.rng(n [, m]) -> Rng. Stack: [-0, +1, e]. */
static int l_rng(lua_State *L) {
  int64_t n1 = luaL_checkinteger(L, 1), n2 = luaL_optinteger(L, 2, 0);
  Rng *r = lua_newuserdatauv(L, sizeof *r, 0);
  rng_seed(r, n1, n2);
  luaL_setmetatable(L, RNG_MT);
  return 1;
}

/* rng:random([m [, n]]) -> as math.random(...). Stack: [-0, +1, e]. */
static int l_rng_random(lua_State *L) {
  Rng *r = luaL_checkudata(L, 1, RNG_MT);
  int64_t lo, up;
  switch (lua_gettop(L) - 1) {
    case 0: lua_pushnumber(L, rng_float(r)); return 1;
    case 1:
      lo = 1;
      up = luaL_checkinteger(L, 2);
      if (up == 0) { /* math.random(0): all 64 bits */
        lua_pushinteger(L, (lua_Integer)rng_next(r));
        return 1;
      }
      break;
    case 2:
      lo = luaL_checkinteger(L, 2);
      up = luaL_checkinteger(L, 3);
      break;
    default: return luaL_error(L, "wrong number of arguments");
  }
  luaL_argcheck(L, lo <= up, lua_gettop(L), "interval is empty");
  lua_pushinteger(L, rng_range(r, lo, up));
  return 1;
}

static int l_rng_close(lua_State *L) { return 0; }

/* ---- what a generator holds ------------------------------------------------------------- */

enum { UNABLE, INCOME_POOR, DEPRIVATION_POOR, NEAR_POOR, MIDDLE, NON_POOR, NCATEGORIES };
/* The categories are generate.lua's CATEGORIES, in its order (the enum above); their
** names, and the schema's words (statuses, need kinds, indicator columns), come from the
** spec: the engine's C holds none of the schema's values. */
static const char *const AREA[2] = {"rural", "urban"};
enum { MALE, FEMALE };
static const char *const SEX[2] = {"M", "F"};

/* A cumulative table for weighted draws (generate.lua's `cumulative`). */
typedef struct Draw {
  double *cum, total;
  int n;
} Draw;

/* A list of names, each a NUL-terminated copy. */
typedef struct Names {
  char **v;
  size_t *len; /* [i]: the length of v[i] */
  int n;
} Names;

/* The names of one group (majority, minority): family, and middle and given by sex. */
typedef struct NameGroup {
  Names family, middle[2], given[2];
} NameGroup;

/* The income band of a category, area and drawn deprivation count: k as band() moved it,
** lo, and hi (none: no line above); or the message band() raised. */
typedef struct Band {
  int k, has_hi;
  double lo, hi;
  char *error;
} Band;

/* The profile's `incomes`: shares of the lines, and the step incomes are whole multiples of. */
typedef struct Incomes {
  double unable_floor, unable_ceiling, income_poor_floor, non_poor_ceiling, step;
} Incomes;

typedef struct Person {
  char *name; /* a buffer of Generator.name_size bytes; name_len of them used */
  int name_len;
  int sex, age, disability, chronic, can_work;
  const char *relation;
} Person;

typedef struct Generator {
  sqlite3 *h; /* NULL once closed; the Db is anchored in the second user value */
  sqlite3_stmt *household, *survey, *need;
  sqlite3_stmt *persons[PEOPLE]; /* [n - 1]: inserts n persons; prepared when first needed */
  Rng rng;
  int year, code_width;
  long long total, hid, pid;
  NameGroup names[2]; /* majority, minority */
  size_t name_size;
  Incomes incomes;
  Names category, status;  /* by category: its name, and its status */
  Names need_kinds;
  int housing_kind;        /* the need kind that forces a housing deprivation, or -1 */
  double *need_rates; /* [category * need_kinds.n + kind]: the share, or -1 where none */
  Draw size_draw, dep_draw[NCATEGORIES], indicator_draw[2];
  int nindicators;   /* the registry's indicator columns (schema.values.indicator) */
  int nstd;          /* the standard's indicators */
  int *std_column;   /* [j]: the column of the standard's j-th indicator */
  int housing_quality, child_schooling, health_insurance; /* columns, or -1 */
  Band *bands[NCATEGORIES][2]; /* [k], k < dep_draw[cat].n; NULL: no household of it */
  int *unable_sizes, nunable, unable_next;
  Person *people;
  int max_size;
  int *dep; /* [column]: 0, 1, or -1 for an indicator the standard does not ask */
  int *needs;
} Generator;

static void free_names(Names *n) {
  for (int i = 0; i < n->n; i++) free(n->v[i]);
  free(n->v);
  free(n->len);
  n->v = NULL;
  n->len = NULL;
  n->n = 0;
}

/* g:close(): finalizes the statements and frees everything; idempotent. Stack: [-0, +0, -]. */
static int l_gen_close(lua_State *L) {
  Generator *g = luaL_checkudata(L, 1, GEN_MT);
  sqlite3_finalize(g->household);
  sqlite3_finalize(g->survey);
  sqlite3_finalize(g->need);
  g->household = g->survey = g->need = NULL;
  for (int n = 0; n < PEOPLE; n++) {
    sqlite3_finalize(g->persons[n]);
    g->persons[n] = NULL;
  }
  g->h = NULL;
  for (int m = 0; m < 2; m++) {
    free_names(&g->names[m].family);
    for (int s = 0; s < 2; s++) {
      free_names(&g->names[m].middle[s]);
      free_names(&g->names[m].given[s]);
    }
  }
  free_names(&g->need_kinds);
  free_names(&g->category);
  free_names(&g->status);
  free(g->need_rates);
  g->need_rates = NULL;
  free(g->size_draw.cum);
  g->size_draw.cum = NULL;
  for (int c = 0; c < NCATEGORIES; c++) {
    free(g->dep_draw[c].cum);
    g->dep_draw[c].cum = NULL;
    for (int a = 0; a < 2; a++) {
      Band *b = g->bands[c][a];
      if (b)
        for (int k = 0; k < g->dep_draw[c].n; k++) free(b[k].error);
      free(b);
      g->bands[c][a] = NULL;
    }
  }
  for (int a = 0; a < 2; a++) {
    free(g->indicator_draw[a].cum);
    g->indicator_draw[a].cum = NULL;
  }
  free(g->std_column);
  g->std_column = NULL;
  free(g->unable_sizes);
  g->unable_sizes = NULL;
  if (g->people)
    for (int i = 0; i < g->max_size; i++) free(g->people[i].name);
  free(g->people);
  g->people = NULL;
  free(g->dep);
  g->dep = NULL;
  free(g->needs);
  g->needs = NULL;
  return 0;
}

/* calloc that raises (as a limit error) when memory runs out. */
static void *alloc(lua_State *L, size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size);
  if (p == NULL) sandbox_raise_memory(L, "kehoach db generate");
  return p;
}

/* ---- reading the spec ------------------------------------------------------------------- */

/* The number at field k of the table at i. Stack: [-0, +0, e]. */
static double num_field(lua_State *L, int i, const char *k) {
  lua_getfield(L, i, k);
  if (!lua_isnumber(L, -1)) luaL_error(L, "generator spec: %s: expected a number", k);
  double v = lua_tonumber(L, -1);
  lua_pop(L, 1);
  return v;
}

/* The table field `incomes` of the table at i into inc. Stack: [-0, +0, e]. */
static void read_incomes(lua_State *L, int i, Incomes *inc) {
  lua_getfield(L, i, "incomes");
  inc->unable_floor = num_field(L, -1, "unable_floor");
  inc->unable_ceiling = num_field(L, -1, "unable_ceiling");
  inc->income_poor_floor = num_field(L, -1, "income_poor_floor");
  inc->non_poor_ceiling = num_field(L, -1, "non_poor_ceiling");
  inc->step = num_field(L, -1, "step");
  lua_pop(L, 1);
}

/* The list of strings at the top into n (copies); pops it. Stack: [-1, +0, e]. */
static void read_names(lua_State *L, Names *n, size_t *longest) {
  luaL_checktype(L, -1, LUA_TTABLE);
  int len = (int)lua_rawlen(L, -1);
  n->v = alloc(L, len, sizeof *n->v);
  n->len = alloc(L, len, sizeof *n->len);
  for (int i = 1; i <= len; i++) {
    lua_rawgeti(L, -1, i);
    size_t sz;
    const char *s = luaL_checklstring(L, -1, &sz);
    n->v[i - 1] = alloc(L, sz + 1, 1);
    memcpy(n->v[i - 1], s, sz);
    n->len[i - 1] = sz;
    n->n = i;
    if (sz > *longest) *longest = sz;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* The need kinds (field need_kinds of the table at i) into n; returns how many.
** Stack: [-0, +0, e]. */
static int read_kinds(lua_State *L, int i, Names *n) {
  size_t longest = 0;
  lua_getfield(L, i, "need_kinds");
  read_names(L, n, &longest);
  return n->n;
}

/* The cumulative table at the top ({ cum =, total = }) into d; pops it. Stack: [-1, +0, e]. */
static void read_draw(lua_State *L, Draw *d) {
  luaL_checktype(L, -1, LUA_TTABLE);
  d->total = num_field(L, -1, "total");
  lua_getfield(L, -1, "cum");
  luaL_checktype(L, -1, LUA_TTABLE);
  int n = (int)lua_rawlen(L, -1);
  d->cum = alloc(L, n, sizeof *d->cum);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, -1, i);
    d->cum[i - 1] = lua_tonumber(L, -1);
    lua_pop(L, 1);
  }
  d->n = n;
  lua_pop(L, 2);
}

/* The position of column name in the list at index list (1-based), or 0. */
static int position(lua_State *L, int list, const char *name) {
  int n = (int)lua_rawlen(L, list);
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, list, i);
    int same = strcmp(luaL_checkstring(L, -1), name) == 0;
    lua_pop(L, 1);
    if (same) return i;
  }
  return 0;
}

/* The column named by spec.columns[key] (spec at index i) in the list at index all, from 0;
** raises when it is not one. Stack: [-0, +0, e]. */
static int column_of(lua_State *L, int i, int all, const char *key) {
  lua_getfield(L, i, "columns");
  lua_getfield(L, -1, key);
  int col = position(L, all, luaL_checkstring(L, -1)) - 1;
  if (col < 0) luaL_error(L, "%s is not an indicator column", lua_tostring(L, -1));
  lua_pop(L, 2);
  return col;
}

/* The n numbers of the list at field key of the table at i into out. Stack: [-0, +0, e]. */
static void read_numbers(lua_State *L, int i, const char *key, double *out, int n) {
  lua_getfield(L, i, key);
  luaL_checktype(L, -1, LUA_TTABLE);
  for (int k = 0; k < n; k++) {
    lua_rawgeti(L, -1, k + 1);
    out[k] = luaL_checknumber(L, -1);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* The bands of one category and area (a list by k + 1 of { k, lo, hi } or a message) at the
** top into g; pops it. Stack: [-1, +0, e]. */
static void read_bands(lua_State *L, Generator *g, int cat, int area) {
  int n = g->dep_draw[cat].n;
  Band *b = g->bands[cat][area] = alloc(L, n, sizeof *b);
  for (int k = 0; k < n; k++) {
    lua_rawgeti(L, -1, k + 1);
    if (lua_type(L, -1) == LUA_TSTRING) {
      b[k].error = strdup(lua_tostring(L, -1));
      if (b[k].error == NULL) sandbox_raise_memory(L, "kehoach db generate");
    } else {
      luaL_checktype(L, -1, LUA_TTABLE);
      lua_rawgeti(L, -1, 1);
      lua_rawgeti(L, -2, 2);
      lua_rawgeti(L, -3, 3);
      b[k].k = (int)lua_tointeger(L, -3);
      b[k].lo = lua_tonumber(L, -2);
      b[k].has_hi = !lua_isnil(L, -1);
      b[k].hi = lua_tonumber(L, -1);
      lua_pop(L, 3);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* Reads spec (the table at index i), which generate.lua makes:
**   { seed, year, total, code_width,
**     categories = generate.lua's CATEGORIES, status_of = { [category] = status },
**     columns = { housing_quality =, child_schooling =, health_insurance = } (their names),
**     housing_need = the need kind that makes a household deprived of housing,
**     names = { majority = { family =, second = { M =, F = }, given = { M =, F = } }, minority = },
**     incomes = the profile's, need_kinds = { kind... },
**     need_rates = { [category] = { [kind] = share } },
**     size_draw = cumulative, dep_draw = { [category] = cumulative },
**     indicator_draw = { rural = cumulative, urban = cumulative },
**     indicators = the registry's columns, std_indicators = the standard's,
**     unable = { households =, persons = },
**     bands = { [category] = { [area] = { [k + 1] = { k, lo, hi } or a message } } } }
** Stack: [-0, +0, e]. */
static void read_spec(lua_State *L, Generator *g, int i) {
  luaL_checktype(L, i, LUA_TTABLE);
  g->year = (int)num_field(L, i, "year");
  g->total = (long long)num_field(L, i, "total");
  g->code_width = (int)num_field(L, i, "code_width");
  lua_getfield(L, i, "names");
  size_t family = 0, middle = 0, given = 0;
  for (int m = 0; m < 2; m++) {
    lua_getfield(L, -1, m == 0 ? "majority" : "minority");
    lua_getfield(L, -1, "family");
    read_names(L, &g->names[m].family, &family);
    for (int s = 0; s < 2; s++) {
      lua_getfield(L, -1, "second");
      lua_getfield(L, -1, SEX[s]);
      read_names(L, &g->names[m].middle[s], &middle);
      lua_pop(L, 1);
      lua_getfield(L, -1, "given");
      lua_getfield(L, -1, SEX[s]);
      read_names(L, &g->names[m].given[s], &given);
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  g->name_size = family + middle + given + 2; /* and two spaces */

  read_incomes(L, i, &g->incomes);

  size_t longest = 0;
  lua_getfield(L, i, "categories");
  read_names(L, &g->category, &longest);
  if (g->category.n != NCATEGORIES) luaL_error(L, "generator spec: expected %d categories", NCATEGORIES);
  g->status.v = alloc(L, NCATEGORIES, sizeof *g->status.v);
  g->status.n = NCATEGORIES;
  lua_getfield(L, i, "status_of");
  for (int c = 0; c < NCATEGORIES; c++) {
    lua_getfield(L, -1, g->category.v[c]);
    g->status.v[c] = strdup(luaL_checkstring(L, -1));
    if (g->status.v[c] == NULL) sandbox_raise_memory(L, "kehoach db generate");
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  int nk = read_kinds(L, i, &g->need_kinds);
  lua_getfield(L, i, "housing_need");
  g->housing_kind = -1;
  for (int k = 0; k < nk; k++)
    if (strcmp(g->need_kinds.v[k], luaL_checkstring(L, -1)) == 0) g->housing_kind = k;
  lua_pop(L, 1);
  g->needs = alloc(L, nk, sizeof *g->needs);
  g->need_rates = alloc(L, (size_t)NCATEGORIES * nk, sizeof *g->need_rates);
  lua_getfield(L, i, "need_rates");
  for (int s = 0; s < NCATEGORIES; s++) {
    lua_getfield(L, -1, g->category.v[s]);
    for (int k = 0; k < nk; k++) {
      double rate = -1;
      if (lua_istable(L, -1)) {
        lua_getfield(L, -1, g->need_kinds.v[k]);
        if (!lua_isnil(L, -1)) rate = luaL_checknumber(L, -1);
        lua_pop(L, 1);
      }
      g->need_rates[s * nk + k] = rate;
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);

  lua_getfield(L, i, "size_draw");
  read_draw(L, &g->size_draw);
  lua_getfield(L, i, "dep_draw");
  for (int c = 0; c < NCATEGORIES; c++) {
    lua_getfield(L, -1, g->category.v[c]);
    read_draw(L, &g->dep_draw[c]);
  }
  lua_pop(L, 1);
  lua_getfield(L, i, "indicator_draw");
  for (int a = 0; a < 2; a++) {
    lua_getfield(L, -1, AREA[a]);
    read_draw(L, &g->indicator_draw[a]);
  }
  lua_pop(L, 1);

  lua_getfield(L, i, "indicators");
  int all = lua_gettop(L);
  g->nindicators = (int)lua_rawlen(L, all);
  g->dep = alloc(L, g->nindicators, sizeof *g->dep);
  g->housing_quality = column_of(L, i, all, "housing_quality");
  g->child_schooling = column_of(L, i, all, "child_schooling");
  g->health_insurance = column_of(L, i, all, "health_insurance");
  lua_getfield(L, i, "std_indicators");
  g->nstd = (int)lua_rawlen(L, -1);
  g->std_column = alloc(L, g->nstd, sizeof *g->std_column);
  for (int j = 1; j <= g->nstd; j++) {
    lua_rawgeti(L, -1, j);
    int col = position(L, all, luaL_checkstring(L, -1));
    if (col == 0) luaL_error(L, "generator spec: %s is not an indicator column", lua_tostring(L, -1));
    g->std_column[j - 1] = col - 1;
    lua_pop(L, 1);
  }
  lua_pop(L, 2);

  lua_getfield(L, i, "bands");
  for (int c = 0; c < NCATEGORIES; c++) {
    lua_getfield(L, -1, g->category.v[c]);
    for (int a = 0; a < 2; a++) {
      if (lua_istable(L, -1)) lua_getfield(L, -1, AREA[a]);
      else lua_pushnil(L);
      if (lua_istable(L, -1)) read_bands(L, g, c, a);
      else lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);

  g->max_size = g->size_draw.n;
  g->people = alloc(L, g->max_size, sizeof *g->people);
  for (int p = 0; p < g->max_size; p++) g->people[p].name = alloc(L, g->name_size, 1);
}

/* The sizes of the households unable to escape (generate.lua's unable_sizes): n
** households, exactly `persons` persons, most alone or in twos. */
static void unable_sizes(lua_State *L, Generator *g, int n, long long persons) {
  g->nunable = n;
  if (n == 0) return;
  int *sizes = g->unable_sizes = alloc(L, n, sizeof *sizes);
  for (int i = 0; i < n; i++) sizes[i] = 1;
  long long per = (persons + n - 1) / n + 1;
  int cap = (int)(per > 4 ? per : 4);
  if (cap > g->max_size) cap = g->max_size;
  for (long long left = persons - n; left > 0;) {
    int i = (int)rng_range(&g->rng, 1, n) - 1;
    if (sizes[i] < cap && (sizes[i] == 1 || rng_float(&g->rng) < 0.35)) {
      sizes[i]++;
      left--;
    }
  }
}

static int prepare(Generator *g, const char *sql, sqlite3_stmt **st) {
  return sqlite3_prepare_v3(g->h, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL);
}

/* The statements that insert a household, a survey with every indicator column, and a need
** (persons_stmt() those that insert persons). */
static int prepare_all(lua_State *L, Generator *g, int indicators) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  luaL_addstring(&b, "INSERT INTO surveys(household, year, income, status, unable_to_escape");
  for (int i = 1; i <= g->nindicators; i++) {
    lua_rawgeti(L, indicators, i);
    luaL_addstring(&b, ", ");
    luaL_addvalue(&b);
  }
  luaL_addstring(&b, ") VALUES (?, ?, ?, ?, ?");
  for (int i = 0; i < g->nindicators; i++) luaL_addstring(&b, ", ?");
  luaL_addstring(&b, ")");
  luaL_pushresult(&b);
  int rc = prepare(g, lua_tostring(L, -1), &g->survey);
  lua_pop(L, 1);
  if (rc == SQLITE_OK)
    rc = prepare(g, "INSERT INTO households(id, code, unit, village, head, ethnic_minority) "
                    "VALUES (?, ?, ?, ?, ?, ?)", &g->household);
  if (rc == SQLITE_OK)
    rc = prepare(g, "INSERT INTO needs(household, year, kind) VALUES (?, ?, ?)", &g->need);
  return rc;
}

/* Pushes a new userdata of size bytes, zeroed, with the metatable mt, for the open Db at stack
** index 1 and the table at 2, both anchored in its user values (1: the table, 2: the Db).
** Returns it; *h is the Db's connection and *seed the table's `seed`. Stack: [-0, +1, e]. */
static void *new_drawer(lua_State *L, size_t size, const char *mt, sqlite3 **h, lua_Integer *seed) {
  *h = store_check_db(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  lua_getfield(L, 2, "seed");
  *seed = luaL_checkinteger(L, -1);
  lua_pop(L, 1);
  void *u = lua_newuserdatauv(L, size, 2);
  memset(u, 0, size);
  luaL_setmetatable(L, mt);
  lua_pushvalue(L, 2);
  lua_setiuservalue(L, -2, 1);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 2);
  return u;
}

/* gen.new(db, spec) -> Generator. The userdata is made closed, then filled, so an error on
** the way leaves only what its __gc frees. Stack: [-0, +1, e]. */
static int l_new(lua_State *L) {
  sqlite3 *h;
  lua_Integer seed;
  Generator *g = new_drawer(L, sizeof *g, GEN_MT, &h, &seed);
  read_spec(L, g, 2);
  g->h = h;
  g->hid = g->pid = 1;
  lua_getfield(L, 2, "indicators");
  int rc = prepare_all(L, g, lua_gettop(L));
  lua_pop(L, 1);
  if (rc != SQLITE_OK) return store_raise(L, h, rc);
  rng_seed(&g->rng, seed, 0);
  lua_getfield(L, 2, "unable");
  int n = (int)num_field(L, -1, "households");
  long long persons = (long long)num_field(L, -1, "persons");
  lua_pop(L, 1);
  unable_sizes(L, g, n, persons);
  return 1;
}

static Generator *check_gen(lua_State *L) {
  Generator *g = luaL_checkudata(L, 1, GEN_MT);
  if (g->h == NULL) luaL_error(L, "the generator is closed");
  return g;
}

/* ---- one household ---------------------------------------------------------------------- */

/* An index drawn with the weights of d (1-based, as generate.lua's `draw`). */
static int draw(Rng *r, const Draw *d) {
  double x = rng_float(r) * d->total;
  for (int i = 0; i < d->n; i++)
    if (x < d->cum[i]) return i + 1;
  return d->n;
}

/* A name drawn from n: its index. */
static int pick(Rng *r, const Names *n) { return (int)rng_range(r, 1, n->n) - 1; }

/* Name i of n copied to at; returns the end of the copy. */
static char *put_name(char *at, const Names *n, int i) {
  memcpy(at, n->v[i], n->len[i]);
  return at + n->len[i];
}

static int random_sex(Rng *r) { return rng_float(r) < 0.5 ? MALE : FEMALE; }

static int imax(int a, int b) { return a > b ? a : b; }
static int imin(int a, int b) { return a < b ? a : b; }

/* The people of one household into g->people (generate.lua's make_people). Returns the
** number of school-age children (6 to 15). */
static int make_people(Generator *g, int size, int em, int cat) {
  Rng *r = &g->rng;
  const NameGroup *names = &g->names[em];
  int unable = cat == UNABLE, head_age;
  if (unable)
    head_age = rng_float(r) < 0.7 ? (int)rng_range(r, 62, 92) : (int)rng_range(r, 30, 60);
  else {
    head_age = (int)rng_range(r, 24, 58);
    head_age += (int)rng_range(r, 0, 20);
  }
  int head_sex = rng_float(r) < (unable ? 0.45 : 0.78) ? MALE : FEMALE;
  int family = pick(r, &names->family);
  int school = 0;
  for (int i = 1; i <= size; i++) {
    Person *p = &g->people[i - 1];
    int age = head_age, sex = head_sex;
    const char *relation = "Chủ hộ";
    int fam = family;
    if (i > 1) {
      double x = rng_float(r);
      if (i == 2 && x < (unable ? 0.3 : 0.85)) {
        sex = head_sex == MALE ? FEMALE : MALE;
        relation = sex == FEMALE ? "Vợ" : "Chồng";
        age = imax(18, head_age + (int)rng_range(r, -6, 4));
        fam = pick(r, &names->family);
      } else if (head_age >= 58 && x < 0.9) {
        if (rng_float(r) < 0.5) {
          relation = "Cháu";
          age = (int)rng_range(r, 0, 17);
        } else {
          relation = "Con";
          age = (int)rng_range(r, 20, imax(20, head_age - 20));
        }
        sex = random_sex(r);
      } else if (head_age <= 45 && x < 0.93 && rng_float(r) < 0.1) {
        sex = random_sex(r);
        relation = sex == MALE ? "Bố" : "Mẹ";
        age = imin(95, head_age + (int)rng_range(r, 20, 32));
        fam = pick(r, &names->family);
      } else {
        sex = random_sex(r);
        relation = "Con";
        age = (int)rng_range(r, imax(0, head_age - 45), imax(0, head_age - 18));
      }
    }
    int middle = pick(r, &names->middle[sex]);
    int given = pick(r, &names->given[sex]);
    char *at = put_name(p->name, &names->family, fam);
    *at++ = ' ';
    at = put_name(at, &names->middle[sex], middle);
    *at++ = ' ';
    at = put_name(at, &names->given[sex], given);
    p->name_len = (int)(at - p->name);
    p->sex = sex;
    p->age = age;
    p->relation = relation;
    int disability = 0;
    if (unable && i == 1 && rng_float(r) < 0.6) disability = (int)rng_range(r, 2, 3);
    else if (rng_float(r) < 0.03) disability = (int)rng_range(r, 1, 3);
    p->disability = disability;
    double chronic = unable ? 0.5 : (age >= 60 ? 0.2 : 0.04);
    p->chronic = rng_float(r) < chronic;
    p->can_work = age >= 15 && age <= 60 && disability < 2 && !(unable && i == 1);
    if (age >= 6 && age <= 15) school++;
  }
  return school;
}

/* Chooses k deprivations among the standard's indicators into g->dep, honouring a forced
** housing one (generate.lua's make_deprivations). */
static void make_deprivations(Generator *g, int k, int area, int housing, int school) {
  int *dep = g->dep;
  for (int c = 0; c < g->nindicators; c++) dep[c] = -1;
  for (int j = 0; j < g->nstd; j++) dep[g->std_column[j]] = 0;
  int chosen = 0;
  if (housing) {
    dep[g->housing_quality] = 1;
    chosen = 1;
  }
  int allowed = g->nstd - (school == 0 ? 1 : 0);
  if (k > allowed) k = allowed;
  while (chosen < k) {
    int col = g->std_column[draw(&g->rng, &g->indicator_draw[area]) - 1];
    if (dep[col] == 0 && (col != g->child_schooling || school > 0)) {
      dep[col] = 1;
      chosen++;
    }
  }
}

/* Income in VND per person per month inside band b of category cat (generate.lua's
** make_income); the arithmetic is Lua's, in doubles, so the same numbers come out. */
static long long make_income(lua_State *L, Generator *g, int cat, const Band *b) {
  double lo = b->lo, hi = b->hi, step = g->incomes.step;
  if (lo == 0 && b->has_hi) {
    if (cat == UNABLE) {
      lo = hi * g->incomes.unable_floor;
      hi = hi * g->incomes.unable_ceiling;
    } else {
      lo = hi * g->incomes.income_poor_floor;
    }
  } else if (b->has_hi) {
    lo = lo + step;
  } else {
    hi = lo * g->incomes.non_poor_ceiling;
    lo = lo + step;
  }
  double steps = floor((hi - lo) / step);
  if (steps < 0) luaL_error(L, "bad argument #2 to 'random' (interval is empty)");
  return (long long)floor(lo) + rng_range(&g->rng, 0, (int64_t)steps) * (long long)step;
}

/* The needs of one household of category cat into g->needs (indexes of need kinds); returns
** how many (generate.lua's draw_needs). exact[kind] is -1 where the commune gives no count;
** counts apply to the poor. */
static int draw_needs(Generator *g, int cat, long long *exact, long long able_left) {
  int n = 0;
  for (int k = 0; k < g->need_kinds.n; k++) {
    int yes;
    if (cat <= DEPRIVATION_POOR && exact[k] >= 0) {
      yes = exact[k] > 0 && rng_range(&g->rng, 1, able_left) <= exact[k];
      if (yes) exact[k]--;
    } else {
      double rate = g->need_rates[cat * g->need_kinds.n + k];
      yes = rate >= 0 && rng_float(&g->rng) < rate;
    }
    if (yes) g->needs[n++] = k;
  }
  return n;
}

/* Steps a bound statement of connection h, then resets it; raises the SQLite error. */
static void step(lua_State *L, sqlite3 *h, sqlite3_stmt *st) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (rc != SQLITE_DONE) store_raise(L, h, rc);
}

#define PERSON_COLUMNS 11

/* The statement that inserts n persons (1 <= n <= PEOPLE), each row's PERSON_COLUMNS values
** one after the other: one statement a household, where a statement a person made the
** national profile's million households 4% slower to generate (8.1 against 7.8 s). Prepared
** when first needed; raises the SQLite error. */
static sqlite3_stmt *persons_stmt(lua_State *L, Generator *g, int n) {
  if (g->persons[n - 1] == NULL) {
    char sql[1024] = "INSERT INTO persons(id, household, name, sex, birth_year, relation, can_work, "
                     "disability, chronic_illness, health_insurance, in_school) VALUES ";
    for (int i = 0; i < n; i++) strcat(sql, i == 0 ? "(?,?,?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?,?,?)");
    int rc = prepare(g, sql, &g->persons[n - 1]);
    if (rc != SQLITE_OK) store_raise(L, g->h, rc);
  }
  return g->persons[n - 1];
}

/* Writes the people of household hid (generate.lua's write_people): when deprived, one
** person of 6 or more is uninsured (the head, if the draw lands on a younger one) and one
** child of 6 to 15 is out of school. */
static void write_people(lua_State *L, Generator *g, int size) {
  Rng *r = &g->rng;
  int uninsured = 0;
  if (g->health_insurance >= 0 && g->dep[g->health_insurance] == 1) {
    uninsured = (int)rng_range(r, 1, size);
    if (g->people[uninsured - 1].age < 6) uninsured = 1;
  }
  int out_of_school = g->child_schooling >= 0 && g->dep[g->child_schooling] == 1;
  sqlite3_stmt *st = NULL;
  for (int i = 1; i <= size; i++) {
    /* the next PEOPLE persons (or what is left) go in one statement */
    int at = (i - 1) % PEOPLE;
    if (at == 0) st = persons_stmt(L, g, imin(PEOPLE, size - i + 1));
    const Person *p = &g->people[i - 1];
    int in_school = 0;
    if (p->age >= 6 && p->age <= 15) {
      in_school = 1;
      if (out_of_school) {
        in_school = 0;
        out_of_school = 0;
      }
    } else if (p->age >= 16 && p->age <= 18) {
      in_school = rng_float(r) < 0.7;
    } else if (p->age >= 19 && p->age <= 22) {
      in_school = rng_float(r) < 0.25;
    }
    int c = at * PERSON_COLUMNS;
    sqlite3_bind_int64(st, c + 1, g->pid);
    sqlite3_bind_int64(st, c + 2, g->hid);
    sqlite3_bind_text(st, c + 3, p->name, p->name_len, SQLITE_STATIC);
    sqlite3_bind_text(st, c + 4, SEX[p->sex], 1, SQLITE_STATIC);
    sqlite3_bind_int(st, c + 5, g->year - p->age);
    sqlite3_bind_text(st, c + 6, p->relation, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, c + 7, p->can_work);
    sqlite3_bind_int(st, c + 8, p->disability);
    sqlite3_bind_int(st, c + 9, p->chronic);
    sqlite3_bind_int(st, c + 10, i == uninsured ? 0 : 1);
    sqlite3_bind_int(st, c + 11, in_school);
    g->pid++;
    if (at == PEOPLE - 1 || i == size) step(L, g->h, st);
  }
}

/* ---- one commune ------------------------------------------------------------------------ */

/* What write_commune needs of a commune, read from generate.layout's entry. */
typedef struct Commune {
  const char *code;
  int urban, nvillages, villages_listed; /* villages_listed: names at stack index villages */
  int villages;
  double em_all, em_poor;
  long long households, count[NCATEGORIES];
  long long *exact; /* [need kind]: -1 where the commune gives no count */
} Commune;

/* Reads the layout entry at index i ({ commune = c, households =, count =, needs =,
** minority = { share of ethnic-minority households, among the poor and near-poor } }).
** Leaves the commune's table on the stack (its code and village names are read from it).
** Stack: [-0, +1, e]. */
static void read_commune(lua_State *L, Generator *g, int i, Commune *c) {
  c->households = (long long)num_field(L, i, "households");
  lua_getfield(L, i, "count");
  for (int k = 0; k < NCATEGORIES; k++) c->count[k] = (long long)num_field(L, -1, g->category.v[k]);
  lua_pop(L, 1);
  lua_getfield(L, i, "needs");
  for (int k = 0; k < g->need_kinds.n; k++) {
    lua_getfield(L, -1, g->need_kinds.v[k]);
    c->exact[k] = lua_isnil(L, -1) ? -1 : (long long)luaL_checkinteger(L, -1);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  lua_getfield(L, i, "commune");
  int t = lua_gettop(L);
  c->urban = (int)num_field(L, t, "urban") == 1;
  lua_getfield(L, t, "code");
  c->code = luaL_checkstring(L, -1); /* anchored in the commune's table */
  lua_pop(L, 1);
  double minority[2];
  read_numbers(L, i, "minority", minority, 2);
  c->em_all = minority[0];
  c->em_poor = minority[1];
  lua_getfield(L, t, "villages");
  c->villages_listed = lua_istable(L, -1);
  c->nvillages = c->villages_listed ? (int)lua_rawlen(L, -1) : (int)luaL_checkinteger(L, -1);
  lua_pop(L, 1);
  if (c->villages_listed) {
    lua_getfield(L, t, "villages");
    c->villages = lua_gettop(L);
  }
}

/* Writes one household of commune c, number seq in it. */
static void write_household(lua_State *L, Generator *g, Commune *c, long long seq,
                            long long *left, long long *total, long long *able_left) {
  Rng *r = &g->rng;
  /* the category, drawn without replacement from what is left */
  long long x = rng_range(r, 1, *total);
  int cat = NON_POOR;
  for (int k = 0; k < NCATEGORIES; k++) {
    x -= left[k];
    if (x <= 0) {
      cat = k;
      break;
    }
  }
  left[cat]--;
  (*total)--;
  int distressed = cat <= NEAR_POOR; /* poor or near-poor */
  int em = rng_float(r) < (distressed ? c->em_poor : c->em_all);
  int nneeds = 0;
  if (cat == INCOME_POOR || cat == DEPRIVATION_POOR) {
    nneeds = draw_needs(g, cat, c->exact, *able_left);
    (*able_left)--;
  } else if (cat != UNABLE) {
    nneeds = draw_needs(g, cat, c->exact, 0);
  }
  int housing = 0;
  for (int i = 0; i < nneeds; i++)
    if (g->needs[i] == g->housing_kind) housing = 1;
  int size;
  if (cat == UNABLE) {
    if (g->unable_next >= g->nunable) luaL_error(L, "more households unable to escape than the profile lists");
    size = g->unable_sizes[g->unable_next++];
  } else {
    size = draw(r, &g->size_draw);
  }
  int school = make_people(g, size, em, cat);
  int k = draw(r, &g->dep_draw[cat]) - 1;
  const Band *b = g->bands[cat][c->urban] ? &g->bands[cat][c->urban][k] : NULL;
  if (b == NULL) luaL_error(L, "no income band for a %s household", g->category.v[cat]);
  if (b->error) {
    lua_pushstring(L, b->error);
    lua_error(L);
  }
  make_deprivations(g, b->k, c->urban, housing, school);
  long long income = make_income(L, g, cat, b);
  char village[64];
  const char *village_name;
  int v = (int)rng_range(r, 1, c->nvillages);
  if (c->villages_listed) {
    lua_rawgeti(L, c->villages, v);
    village_name = lua_tostring(L, -1);
    lua_pop(L, 1); /* the name stays anchored in the commune's list */
  } else {
    snprintf(village, sizeof village, "%s%d", c->urban ? "Tổ dân phố " : "Thôn ", v);
    village_name = village;
  }
  char code[128];
  if (snprintf(code, sizeof code, "%s-%0*lld", c->code, g->code_width, seq) >= (int)sizeof code)
    luaL_error(L, "the commune code %s is too long to number its households", c->code);
  sqlite3_stmt *st = g->household;
  sqlite3_bind_int64(st, 1, g->hid);
  sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 3, c->code, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 4, village_name, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 5, g->people[0].name, g->people[0].name_len, SQLITE_STATIC);
  sqlite3_bind_int(st, 6, em);
  step(L, g->h, st);
  write_people(L, g, size);
  st = g->survey;
  sqlite3_bind_int64(st, 1, g->hid);
  sqlite3_bind_int(st, 2, g->year);
  sqlite3_bind_int64(st, 3, income);
  sqlite3_bind_text(st, 4, g->status.v[cat], -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 5, cat == UNABLE);
  for (int i = 0; i < g->nindicators; i++) {
    if (g->dep[i] < 0) sqlite3_bind_null(st, 6 + i);
    else sqlite3_bind_int(st, 6 + i, g->dep[i]);
  }
  step(L, g->h, st);
  st = g->need;
  for (int i = 0; i < nneeds; i++) {
    sqlite3_bind_int64(st, 1, g->hid);
    sqlite3_bind_int(st, 2, g->year);
    sqlite3_bind_text(st, 3, g->need_kinds.v[g->needs[i]], -1, SQLITE_STATIC);
    step(L, g->h, st);
  }
  g->hid++;
}

/* g:commune(lay [, progress]) -> households, persons written so far. Stack: [-0, +2, e]. */
static int l_commune(lua_State *L) {
  Generator *g = check_gen(L);
  luaL_checktype(L, 2, LUA_TTABLE);
  int progress = !lua_isnoneornil(L, 3);
  lua_settop(L, 3);
  Commune c;
  c.exact = lua_newuserdatauv(L, sizeof *c.exact * (g->need_kinds.n ? g->need_kinds.n : 1), 0);
  read_commune(L, g, 2, &c);
  long long left[NCATEGORIES], total = 0;
  for (int k = 0; k < NCATEGORIES; k++) {
    left[k] = c.count[k];
    total += left[k];
  }
  long long able_left = c.count[INCOME_POOR] + c.count[DEPRIVATION_POOR];
  for (long long seq = 1; seq <= c.households; seq++) {
    write_household(L, g, &c, seq, left, &total, &able_left);
    if (g->hid % BATCH == 1) {
      int rc = sqlite3_exec(g->h, "COMMIT; BEGIN", NULL, NULL, NULL);
      if (rc != SQLITE_OK) return store_raise(L, g->h, rc);
      if (progress) {
        lua_pushvalue(L, 3);
        lua_pushinteger(L, g->hid - 1);
        lua_pushinteger(L, g->total);
        lua_call(L, 2, 0);
      }
    }
  }
  lua_pushinteger(L, g->hid - 1);
  lua_pushinteger(L, g->pid - 1);
  return 2;
}

/* ---- the year after the review ---------------------------------------------------------- */

#define YEAR_MT "kehoach.Year"
#define MAX_INDICATORS 64 /* deprivations are bits of one mask */
enum { G_POOR, G_NEAR_POOR, G_OTHER };
/* The schema's words the passes compare and write, by the keys of spec.words. */
enum { W_POOR, W_NEAR_POOR, W_MIDDLE, W_NON_POOR, W_ESCAPED, W_MOVED, W_DISSOLVED, NWORDS };
static const char *const WORD_KEY[NWORDS] = {"status_poor", "status_near_poor", "status_middle",
                                             "status_non_poor", "event_escaped", "event_moved",
                                             "event_dissolved"};

/* What kehoach.registry.year's two passes over the households need: its spec (`drawing`,
** anchored in the first user value) read into C once. Columns are positions in the registry's list of
** indicators; a mask has bit i for column i. */
typedef struct Year {
  sqlite3 *h; /* NULL once closed; the Db is anchored in the second user value */
  Rng rng;
  int year, days, review_day, until_day, write_review;
  int nindicators, n0, n1, naddable;
  int ind0[MAX_INDICATORS], ind1[MAX_INDICATORS], addable[MAX_INDICATORS];
  uint64_t in0, in1; /* the columns each standard asks */
  int employment, nutrition, dependants;
  double persist, moved, needs_kept, dissolved_all, dissolved_alone, dissolved_unable;
  double growth_mean, growth_spread, escaped_income[2], fallen_income[2];
  double new_rate[2][3]; /* [employment, nutrition][poor, near_poor, other] */
  double fell_near_poor, fell_middle;
  double poor0[2], near0[2], poor1[2], middle1[2]; /* the lines, [rural, urban] */
  int has_k0;
  long long k0, k1;
  Incomes incomes;
  Names kinds;         /* the need kinds, in order */
  Names word;          /* [W_*] */
  double *escape_weight; /* [kind] */
  double *rate[2];     /* [poor, near_poor][kind]: the share of registering at the review */
} Year;

/* y:close(): frees what it holds; idempotent. Stack: [-0, +0, -]. */
static int l_year_close(lua_State *L) {
  Year *y = luaL_checkudata(L, 1, YEAR_MT);
  y->h = NULL;
  free_names(&y->kinds);
  free_names(&y->word);
  free(y->escape_weight);
  free(y->rate[0]);
  free(y->rate[1]);
  y->escape_weight = y->rate[0] = y->rate[1] = NULL;
  return 0;
}

/* The columns of the list of names at the top into cols, as positions in the list at index
** all; returns how many; pops it. Stack: [-1, +0, e]. */
static int read_columns(lua_State *L, int all, int *cols) {
  int n = (int)lua_rawlen(L, -1);
  if (n > MAX_INDICATORS) luaL_error(L, "more than %d indicators", MAX_INDICATORS);
  for (int j = 1; j <= n; j++) {
    lua_rawgeti(L, -1, j);
    int col = position(L, all, luaL_checkstring(L, -1));
    if (col == 0) luaL_error(L, "%s is not an indicator column", lua_tostring(L, -1));
    cols[j - 1] = col - 1;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return n;
}

/* Reads year.lua's spec (at index i; see `drawing` there) into y. Stack: [-0, +0, e]. */
static void read_year(lua_State *L, Year *y, int i) {
  y->year = (int)num_field(L, i, "year");
  y->days = (int)num_field(L, i, "days");
  y->review_day = (int)num_field(L, i, "review_day");
  y->until_day = (int)num_field(L, i, "until_day");
  y->write_review = y->until_day >= y->review_day;
  lua_getfield(L, i, "indicators");
  int all = lua_gettop(L);
  y->nindicators = (int)lua_rawlen(L, all);
  if (y->nindicators > MAX_INDICATORS) luaL_error(L, "more than %d indicators", MAX_INDICATORS);
  y->employment = column_of(L, i, all, "employment_column");
  y->nutrition = column_of(L, i, all, "nutrition_column");
  y->dependants = column_of(L, i, all, "dependants_column");
  lua_getfield(L, i, "ind0");
  y->n0 = read_columns(L, all, y->ind0);
  lua_getfield(L, i, "ind1");
  y->n1 = read_columns(L, all, y->ind1);
  lua_getfield(L, i, "addable");
  y->naddable = read_columns(L, all, y->addable);
  lua_pop(L, 1);
  for (int j = 0; j < y->n0; j++) y->in0 |= (uint64_t)1 << y->ind0[j];
  for (int j = 0; j < y->n1; j++) y->in1 |= (uint64_t)1 << y->ind1[j];

  y->word.v = alloc(L, NWORDS, sizeof *y->word.v);
  y->word.n = NWORDS;
  lua_getfield(L, i, "words");
  for (int w = 0; w < NWORDS; w++) {
    lua_getfield(L, -1, WORD_KEY[w]);
    y->word.v[w] = strdup(luaL_checkstring(L, -1));
    if (y->word.v[w] == NULL) sandbox_raise_memory(L, "kehoach db generate");
    lua_pop(L, 1);
  }
  lua_pop(L, 1);

  y->persist = num_field(L, i, "persist");
  y->moved = num_field(L, i, "leaving");
  y->needs_kept = num_field(L, i, "needs_kept");
  double ending[3], growth[2], fell[2];
  read_numbers(L, i, "ending", ending, 3);
  y->dissolved_all = ending[0];
  y->dissolved_alone = ending[1];
  y->dissolved_unable = ending[2];
  read_numbers(L, i, "growth", growth, 2);
  y->growth_mean = growth[0];
  y->growth_spread = growth[1];
  read_numbers(L, i, "escape_income", y->escaped_income, 2);
  read_numbers(L, i, "fall_income", y->fallen_income, 2);
  read_numbers(L, i, "new_employment", y->new_rate[0], 3);
  read_numbers(L, i, "new_nutrition", y->new_rate[1], 3);
  read_numbers(L, i, "fell_weights", fell, 2);
  y->fell_near_poor = fell[0];
  y->fell_middle = fell[1];
  lua_getfield(L, i, "lines");
  double *lines[4] = {y->poor0, y->near0, y->poor1, y->middle1};
  for (int l = 0; l < 4; l++) {
    lua_rawgeti(L, -1, l + 1);
    for (int a = 0; a < 2; a++) lines[l][a] = num_field(L, -1, AREA[a]);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  lua_getfield(L, i, "k0");
  y->has_k0 = !lua_isnil(L, -1);
  y->k0 = y->has_k0 ? luaL_checkinteger(L, -1) : 0;
  lua_pop(L, 1);
  y->k1 = (long long)num_field(L, i, "k1");
  read_incomes(L, i, &y->incomes);

  int nk = read_kinds(L, i, &y->kinds);
  y->escape_weight = alloc(L, nk, sizeof *y->escape_weight);
  y->rate[0] = alloc(L, nk, sizeof *y->rate[0]);
  y->rate[1] = alloc(L, nk, sizeof *y->rate[1]);
  read_numbers(L, i, "escape_weights", y->escape_weight, nk);
  read_numbers(L, i, "rates_poor", y->rate[0], nk);
  read_numbers(L, i, "rates_near_poor", y->rate[1], nk);
}

/* gen.year(db, spec) -> Year, seeded as math.randomseed(spec.seed, spec.year). The userdata
** is made closed, then filled. Stack: [-0, +1, e]. */
static int l_year(lua_State *L) {
  sqlite3 *h;
  lua_Integer seed;
  Year *y = new_drawer(L, sizeof *y, YEAR_MT, &h, &seed);
  read_year(L, y, 2);
  rng_seed(&y->rng, seed, y->year);
  y->h = h;
  return 1;
}

static Year *check_year(lua_State *L) {
  Year *y = luaL_checkudata(L, 1, YEAR_MT);
  if (y->h == NULL) luaL_error(L, "the year is closed");
  return y;
}

/* The statement of sql, prepared, into a Stmt-less holder: finalized by the caller. */
static sqlite3_stmt *prepare_or_raise(lua_State *L, sqlite3 *h, const char *sql) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(st);
    store_raise(L, h, rc);
  }
  return st;
}

/* The statements of one pass: finalized on any way out (the holder is a to-be-closed
** userdata on the Lua stack). */
#define PASS_MT "kehoach.Pass"
typedef struct Pass {
  sqlite3_stmt *st[4];
} Pass;

static int l_pass_close(lua_State *L) {
  Pass *p = luaL_checkudata(L, 1, PASS_MT);
  for (int i = 0; i < 4; i++) {
    sqlite3_finalize(p->st[i]);
    p->st[i] = NULL;
  }
  return 0;
}

/* Pushes a Pass with the statements of the strings at stack indexes first.. (n of them),
** marked to be closed. Stack: [-0, +1, e]. */
static Pass *new_pass(lua_State *L, sqlite3 *h, int first, int n) {
  Pass *p = lua_newuserdatauv(L, sizeof *p, 0);
  memset(p, 0, sizeof *p);
  luaL_setmetatable(L, PASS_MT);
  lua_toclose(L, -1);
  for (int i = 0; i < n; i++) p->st[i] = prepare_or_raise(L, h, luaL_checkstring(L, first + i));
  return p;
}

/* Commits the batch every BATCH rows. */
static void batch(lua_State *L, sqlite3 *h, long long n) {
  if (n % BATCH != 0) return;
  int rc = sqlite3_exec(h, "COMMIT; BEGIN", NULL, NULL, NULL);
  if (rc != SQLITE_OK) store_raise(L, h, rc);
}

static int count_bits(uint64_t mask, const int *cols, int n) {
  int c = 0;
  for (int j = 0; j < n; j++) c += (mask >> cols[j]) & 1;
  return c;
}

/* A weighted sampling key (Efraimidis–Spirakis), as Lua's `random() ^ (1 / weight)` (which
** squares for an exponent of 2: luai_numpow). */
static double sampling_key(Rng *r, double weight) {
  double x = rng_float(r), e = 1 / weight;
  return e == 2 ? x * x : pow(x, e);
}

static int is_text(sqlite3_stmt *st, int col, const char *text) {
  const unsigned char *t = sqlite3_column_text(st, col);
  return t != NULL && strcmp((const char *)t, text) == 0;
}

/* A cursor over rows in ascending order of their first column (a household's id), for a
** merge with the households: `at` is the row it stands on, done when none is left. */
typedef struct Cursor {
  sqlite3_stmt *st;
  int done;
  long long at;
} Cursor;

static void cursor_next(lua_State *L, sqlite3 *h, Cursor *c) {
  int rc = sqlite3_step(c->st);
  if (rc == SQLITE_DONE) {
    c->done = 1;
    return;
  }
  if (rc != SQLITE_ROW) store_raise(L, h, rc);
  long long at = sqlite3_column_int64(c->st, 0);
  if (at < c->at) luaL_error(L, "the rows of a household are not together (a bug in kehoach)");
  c->at = at;
}

/* Moves c past the rows of households before id; returns whether it stands on one of id. */
static int cursor_seek(lua_State *L, sqlite3 *h, Cursor *c, long long id) {
  while (!c->done && c->at < id) cursor_next(L, h, c);
  return !c->done && c->at == id;
}

/* y:propose(select, persons, needs, insert) -> rows: pass one (year.lua's pass_one). Each
** household of the base review, read with select (columns: id, unit, urban, income, status,
** unable, kind, every indicator; in the order of id, which it checks; :y the base year),
** with its members from persons (household, can_work: in the order of household) and its
** needs at the base review from needs (household, kind: in the order of household, then
** kind), gets its draws for the year, written with insert (19 values, in kh_year's order,
** poor0 last). Stack: [-0, +1, e]. */
static int l_propose(lua_State *L) {
  Year *y = check_year(L);
  Rng *r = &y->rng;
  Pass *p = new_pass(L, y->h, 2, 4);
  sqlite3_stmt *sel = p->st[0], *ins = p->st[3];
  sqlite3_bind_int(sel, sqlite3_bind_parameter_index(sel, ":y"), y->year - 1);
  sqlite3_bind_int(p->st[2], sqlite3_bind_parameter_index(p->st[2], ":y"), y->year - 1);
  Cursor members = {p->st[1], 0, -1}, needed = {p->st[2], 0, -1};
  cursor_next(L, y->h, &members);
  cursor_next(L, y->h, &needed);
  const int ni = y->nindicators;
  luaL_Buffer needs_text;
  long long n = 0, last = -1;
  int rc;
  while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
    long long id = sqlite3_column_int64(sel, 0);
    if (id <= last) luaL_error(L, "the households of the review are not in the order of id (a bug in kehoach)");
    last = id;
    long long persons = 0, workers = 0;
    for (int at = cursor_seek(L, y->h, &members, id); at; at = !members.done && members.at == id) {
      persons++;
      workers += sqlite3_column_int(members.st, 1) == 1;
      cursor_next(L, y->h, &members);
    }
    /* the kinds joined by commas, as group_concat gives them; none: NULL */
    int has_needs = 0;
    luaL_buffinit(L, &needs_text);
    for (int at = cursor_seek(L, y->h, &needed, id); at; at = !needed.done && needed.at == id) {
      if (has_needs) luaL_addchar(&needs_text, ',');
      luaL_addlstring(&needs_text, (const char *)sqlite3_column_text(needed.st, 1),
                      (size_t)sqlite3_column_bytes(needed.st, 1));
      has_needs = 1;
      cursor_next(L, y->h, &needed);
    }
    luaL_pushresult(&needs_text);
    const char *needs = has_needs ? lua_tostring(L, -1) : NULL;
    int urban = sqlite3_column_int(sel, 2) == 1;
    int unable = sqlite3_column_int(sel, 5);
    int poor = is_text(sel, 4, y->word.v[W_POOR]), near_poor = is_text(sel, 4, y->word.v[W_NEAR_POOR]);
    int middle = is_text(sel, 4, y->word.v[W_MIDDLE]);
    /* leaving: moving away, or the household ending (its last member gone) */
    double dissolve = unable == 1 ? y->dissolved_unable
                                  : (persons == 1 ? y->dissolved_alone : y->dissolved_all);
    const char *gone = NULL;
    if (rng_float(r) < dissolve) gone = y->word.v[W_DISSOLVED];
    else if (rng_float(r) < y->moved) gone = y->word.v[W_MOVED];
    long long gone_day = rng_range(r, 1, y->days);
    double growth = 1 + y->growth_mean + (2 * rng_float(r) - 1) * y->growth_spread;
    double poor_line = y->poor0[urban];
    double escape_income =
        poor_line * (y->escaped_income[0] + rng_float(r) * (y->escaped_income[1] - y->escaped_income[0]));
    double fall_income =
        poor_line * (y->fallen_income[0] + rng_float(r) * (y->fallen_income[1] - y->fallen_income[0]));
    int has_escape = poor && unable == 0, has_fell = near_poor || middle;
    double k_escape = 0, k_fell = 0, k_re = 0;
    if (has_escape) {
      /* 1 and the weights of the needs, in the order the query gives them */
      double w = 1;
      for (const char *s = needs; s && *s;) {
        size_t len = strcspn(s, ",");
        for (int k = 0; k < y->kinds.n; k++)
          if (strlen(y->kinds.v[k]) == len && memcmp(y->kinds.v[k], s, len) == 0) w = w + y->escape_weight[k];
        s += len + (s[len] == ',');
      }
      k_escape = sampling_key(r, w);
    }
    if (has_fell) k_fell = sampling_key(r, near_poor ? y->fell_near_poor : y->fell_middle);
    if (near_poor) k_re = rng_float(r);
    /* last year's deprivations, most persisting; employment and nutrition drawn, dependants
    ** counted (more than half the members unable to work) */
    uint64_t mask = 0;
    for (int c = 0; c < ni; c++)
      if (sqlite3_column_type(sel, 7 + c) != SQLITE_NULL && sqlite3_column_int64(sel, 7 + c) == 1 &&
          rng_float(r) < y->persist)
        mask |= (uint64_t)1 << c;
    int group = poor ? G_POOR : near_poor ? G_NEAR_POOR : G_OTHER;
    mask &= ~((uint64_t)1 << y->employment);
    if (workers > 0 && rng_float(r) < y->new_rate[0][group]) mask |= (uint64_t)1 << y->employment;
    mask &= ~((uint64_t)1 << y->nutrition);
    if (rng_float(r) < y->new_rate[1][group]) mask |= (uint64_t)1 << y->nutrition;
    mask &= ~((uint64_t)1 << y->dependants);
    if (persons > 0 && (persons - workers) * 2 > persons) mask |= (uint64_t)1 << y->dependants;
    double rnd = rng_float(r);

    sqlite3_bind_value(ins, 1, sqlite3_column_value(sel, 0));
    sqlite3_bind_value(ins, 2, sqlite3_column_value(sel, 1));
    sqlite3_bind_value(ins, 3, sqlite3_column_value(sel, 2));
    sqlite3_bind_value(ins, 4, sqlite3_column_value(sel, 4));
    sqlite3_bind_value(ins, 5, sqlite3_column_value(sel, 6));
    sqlite3_bind_value(ins, 6, sqlite3_column_value(sel, 5));
    if (gone) sqlite3_bind_text(ins, 7, gone, -1, SQLITE_STATIC);
    else sqlite3_bind_null(ins, 7);
    sqlite3_bind_int64(ins, 8, gone_day);
    sqlite3_bind_int64(ins, 9, (long long)floor((double)sqlite3_column_int64(sel, 3) * growth));
    sqlite3_bind_int64(ins, 10, (long long)floor(escape_income));
    sqlite3_bind_int64(ins, 11, (long long)floor(fall_income));
    if (has_escape) sqlite3_bind_double(ins, 12, k_escape);
    else sqlite3_bind_null(ins, 12);
    if (has_fell) sqlite3_bind_double(ins, 13, k_fell);
    else sqlite3_bind_null(ins, 13);
    if (near_poor) sqlite3_bind_double(ins, 14, k_re);
    else sqlite3_bind_null(ins, 14);
    sqlite3_bind_int64(ins, 15, (long long)mask);
    sqlite3_bind_int(ins, 16, count_bits(mask, y->ind1, y->n1));
    sqlite3_bind_double(ins, 17, rnd);
    if (needs) sqlite3_bind_text(ins, 18, needs, -1, SQLITE_STATIC);
    else sqlite3_bind_null(ins, 18);
    if (gone) sqlite3_bind_null(ins, 19); /* poor at the review under the base standard, */
    else sqlite3_bind_int(ins, 19, poor); /* unless an event changes it (the tallies) */
    step(L, y->h, ins);
    lua_pop(L, 1);
    batch(L, y->h, ++n);
  }
  if (rc != SQLITE_DONE) return store_raise(L, y->h, rc);
  lua_pushinteger(L, n);
  return 1;
}

/* ---- pass two --------------------------------------------------------------------------- */

static long long floordiv(long long a, long long b) {
  long long q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/* A whole number of đồng in [lo, hi] on the step: x itself when it falls there, else drawn
** near the edge it passed (year.lua's fit). */
static long long fit(Rng *r, long long x, long long lo, long long hi, long long step) {
  lo = -floordiv(-lo, step) * step;
  hi = floordiv(hi, step) * step;
  if (hi < lo) hi = lo;
  if (x >= lo && x <= hi) {
    long long v = floordiv(x, step) * step;
    return v > lo ? v : lo;
  }
  double reach_f = floor((double)(hi - lo) * 0.15 / (double)step);
  long long reach = reach_f > 0 ? (long long)reach_f : 0;
  if (x > hi) return hi - rng_range(r, 0, reach) * step;
  return lo + rng_range(r, 0, reach) * step;
}

/* Deprivation bounds under both standards (1: the review's, 0: the base one). */
typedef struct Bounds {
  int has_min1, has_max1, has_min0, has_max0;
  long long min1, max1, min0, max0;
} Bounds;

/* A column drawn among n candidates, or -1 when there are none (no draw then). */
static int pick_column(Rng *r, const int *cands, int n) {
  return n == 0 ? -1 : cands[rng_range(r, 1, n) - 1];
}

/* Adds or removes deprivations until the counts under both standards are within b
** (year.lua's settle). */
static uint64_t settle(lua_State *L, Year *y, uint64_t mask, const Bounds *b) {
  Rng *r = &y->rng;
  int cands[MAX_INDICATORS];
  for (int round = 0; round < 40; round++) {
    long long c1 = count_bits(mask, y->ind1, y->n1), c0 = count_bits(mask, y->ind0, y->n0);
    int n = 0, col;
    if (b->has_min1 && c1 < b->min1) {
      /* add what the base standard does not count when it must stay low */
      int only1 = b->has_max0 && c0 >= b->max0;
      for (int j = 0; j < y->naddable; j++) {
        int c = y->addable[j];
        if ((y->in1 >> c & 1) && !(mask >> c & 1) && !(only1 && (y->in0 >> c & 1))) cands[n++] = c;
      }
      if ((col = pick_column(r, cands, n)) < 0) luaL_error(L, "no deprivation left to add");
      mask |= (uint64_t)1 << col;
    } else if (b->has_min0 && c0 < b->min0) {
      for (int j = 0; j < y->naddable; j++) {
        int c = y->addable[j];
        if ((y->in0 >> c & 1) && !(mask >> c & 1)) cands[n++] = c;
      }
      if ((col = pick_column(r, cands, n)) < 0) luaL_error(L, "no deprivation left to add");
      mask |= (uint64_t)1 << col;
    } else if (b->has_max1 && c1 > b->max1) {
      for (int j = 0; j < y->n1; j++) {
        int c = y->ind1[j];
        if ((mask >> c & 1) && c != y->dependants) cands[n++] = c;
      }
      col = pick_column(r, cands, n);
      mask &= ~((uint64_t)1 << (col < 0 ? y->dependants : col));
    } else if (b->has_max0 && c0 > b->max0) {
      /* what only the base standard counts goes first */
      for (int j = 0; j < y->n0; j++) {
        int c = y->ind0[j];
        if ((mask >> c & 1) && !(y->in1 >> c & 1)) cands[n++] = c;
      }
      if (n == 0)
        for (int j = 0; j < y->n0; j++)
          if (mask >> y->ind0[j] & 1) cands[n++] = y->ind0[j];
      col = pick_column(r, cands, n);
      mask &= ~((uint64_t)1 << col);
    } else {
      return mask;
    }
  }
  return luaL_error(L, "deprivations did not settle");
}

enum { S_POOR, S_NEAR_POOR, S_MIDDLE, S_NON_POOR };

/* The columns pass two reads of temp.kh_year, in this order. */
enum { K_ID, K_UNIT, K_URBAN, K_STATUS0, K_KIND0, K_UNABLE, K_GONE, K_GONE_DAY, K_INCOME,
       K_DEPS, K_NEEDS0, K_EVENT, K_EVENT_RANK, K_POOR0, K_BELOW, K_POOR1 };

/* The income band and deprivation bounds of a household at the review (year.lua's band):
** poor0 under the base standard, status1 under the review's. */
static void review_band(Year *y, sqlite3_stmt *st, int urban, int status1, double *lo, double *hi,
                        Bounds *b) {
  double p0 = y->poor0[urban], n0 = y->near0[urban];
  double line1 = y->poor1[urban], mid1 = y->middle1[urban];
  memset(b, 0, sizeof *b);
  if (status1 == S_POOR) {
    b->has_min1 = 1;
    b->min1 = y->k1;
  } else {
    b->has_max1 = 1;
    b->max1 = y->k1 - 1;
  }
  if (sqlite3_column_int(st, K_POOR0) == 1) {
    double floor_share = sqlite3_column_int(st, K_UNABLE) == 1 ? y->incomes.unable_floor
                                                             : y->incomes.income_poor_floor;
    if (status1 == S_POOR && is_text(st, K_STATUS0, y->word.v[W_POOR]) && is_text(st, K_KIND0, "deprivation") &&
        sqlite3_column_type(st, K_EVENT) == SQLITE_NULL) {
      *lo = p0 + 1;
      *hi = n0;
      b->has_min0 = y->has_k0;
      b->min0 = y->k0;
      return;
    }
    *lo = p0 * floor_share;
    *hi = p0;
    return;
  }
  if (status1 == S_POOR || status1 == S_NEAR_POOR) {
    /* above the base standard's poor line; at or under its near-poor line only with few
    ** deprivations, which settle() sees to when the income lands there */
    *lo = p0 + 1;
    *hi = line1;
    return;
  }
  b->has_min1 = b->has_max1 = 0;
  if (status1 == S_MIDDLE) {
    *lo = line1 + 1;
    *hi = mid1;
  } else {
    *lo = mid1 + 1;
    *hi = mid1 * y->incomes.non_poor_ceiling;
  }
}

/* Writes an event when its day is not after `until`; counts it. */
static void write_event(lua_State *L, Year *y, sqlite3_stmt *st, sqlite3_value *id, long long day,
                        const char *kind, long long *events) {
  if (day > y->until_day) return;
  sqlite3_bind_value(st, 1, id);
  sqlite3_bind_int64(st, 2, day);
  sqlite3_bind_text(st, 3, kind, -1, SQLITE_TRANSIENT);
  lua_getiuservalue(L, 1, 1);
  lua_getfield(L, -1, "notes");
  lua_getfield(L, -1, kind);
  sqlite3_bind_text(st, 4, luaL_checkstring(L, -1), -1, SQLITE_TRANSIENT);
  lua_pop(L, 3);
  step(L, y->h, st);
  (*events)++;
}

/* Day-of-year of the first day of quarter q (1..4) of year y. */
static int quarter_start(int year, int q) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0, n = 1;
  for (int m = 1; m <= 3 * (q - 1); m++) n += (m == 2 && leap) ? 29 : days[m - 1];
  return n;
}

/* The day of an escape of rank k in its commune: in the quarter the profile's counts put it. */
static long long escape_day(lua_State *L, Year *y, const char *unit, long long k) {
  lua_getiuservalue(L, 1, 1);
  lua_getfield(L, -1, "counts");
  lua_getfield(L, -1, unit);
  lua_getfield(L, -1, "q");
  int q = 1;
  for (;; q++) {
    lua_rawgeti(L, -1, q);
    long long in_q = luaL_checkinteger(L, -1);
    lua_pop(L, 1);
    if (k <= in_q || q == 4) break;
    k -= in_q;
  }
  lua_pop(L, 4);
  int first = quarter_start(y->year, q);
  int last = q < 4 ? quarter_start(y->year, q + 1) - 1 : (y->days < y->review_day ? y->days : y->review_day);
  return rng_range(&y->rng, first, last);
}

/* y:settle(select, survey, need, event) -> events, surveys: pass two (year.lua's
** pass_two). Each row of temp.kh_year (select: the K_* columns) is brought into its band
** and written: its event (event: household, day, kind, note), and when the review is kept
** its survey (survey: household, year, income, status, unable_to_escape, every indicator)
** and needs (need: household, year, kind). Stack: [-0, +2, e]. */
static int l_settle(lua_State *L) {
  Year *y = check_year(L);
  Rng *r = &y->rng;
  Pass *p = new_pass(L, y->h, 2, 4);
  sqlite3_stmt *sel = p->st[0], *survey = p->st[1], *need = p->st[2], *event = p->st[3];
  long long n = 0, events = 0, surveys = 0;
  int rc;
  while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
    sqlite3_value *id = sqlite3_column_value(sel, K_ID);
    int urban = sqlite3_column_int(sel, K_URBAN) == 1;
    if (sqlite3_column_type(sel, K_GONE) != SQLITE_NULL) {
      write_event(L, y, event, id, sqlite3_column_int64(sel, K_GONE_DAY),
                  (const char *)sqlite3_column_text(sel, K_GONE), &events);
    } else {
      if (is_text(sel, K_EVENT, y->word.v[W_ESCAPED])) {
        long long day = escape_day(L, y, (const char *)sqlite3_column_text(sel, K_UNIT),
                                   sqlite3_column_int64(sel, K_EVENT_RANK));
        write_event(L, y, event, id, day, y->word.v[W_ESCAPED], &events);
      } else if (sqlite3_column_type(sel, K_EVENT) != SQLITE_NULL) {
        long long day = rng_range(r, 1, y->review_day);
        write_event(L, y, event, id, day, (const char *)sqlite3_column_text(sel, K_EVENT), &events);
      }
      long long income0 = sqlite3_column_int64(sel, K_INCOME);
      int status1;
      if (sqlite3_column_int(sel, K_BELOW) == 1)
        status1 = sqlite3_column_int(sel, K_POOR1) == 1 ? S_POOR : S_NEAR_POOR;
      else
        status1 = (double)income0 <= y->middle1[urban] ? S_MIDDLE : S_NON_POOR;
      double lo, hi;
      Bounds b;
      review_band(y, sel, urban, status1, &lo, &hi, &b);
      long long income = fit(r, income0, (long long)floor(lo), (long long)floor(hi),
                             (long long)y->incomes.step);
      /* at or under the base standard's near-poor line, a household that is not poor under
      ** it must have fewer deprivations than make one poor */
      if (y->has_k0 && sqlite3_column_int(sel, K_POOR0) == 0 && (double)income <= y->near0[urban]) {
        b.has_max0 = 1;
        b.max0 = y->k0 - 1;
      }
      uint64_t mask = settle(L, y, (uint64_t)sqlite3_column_int64(sel, K_DEPS), &b);
      int unable = sqlite3_column_int(sel, K_UNABLE) == 1 && status1 == S_POOR;
      if (y->write_review) {
        sqlite3_bind_value(survey, 1, id);
        sqlite3_bind_int(survey, 2, y->year);
        sqlite3_bind_int64(survey, 3, income);
        sqlite3_bind_text(survey, 4, y->word.v[W_POOR + status1], -1, SQLITE_STATIC);
        sqlite3_bind_int(survey, 5, unable);
        for (int c = 0; c < y->nindicators; c++) sqlite3_bind_int(survey, 6 + c, (int)(mask >> c & 1));
        step(L, y->h, survey);
        surveys++;
      }
      /* needs registered at the review, by the poor and near-poor able to work their way out */
      if ((status1 == S_POOR || status1 == S_NEAR_POOR) && !unable) {
        const char *had = (const char *)sqlite3_column_text(sel, K_NEEDS0);
        for (int k = 0; k < y->kinds.n; k++) {
          int kept = 0;
          size_t len = strlen(y->kinds.v[k]);
          for (const char *s = had; s && *s;) {
            size_t l = strcspn(s, ",");
            if (l == len && memcmp(s, y->kinds.v[k], len) == 0) kept = 1;
            s += l + (s[l] == ',');
          }
          int yes = (kept && rng_float(r) < y->needs_kept) || rng_float(r) < y->rate[status1][k];
          if (yes && y->write_review) {
            sqlite3_bind_value(need, 1, id);
            sqlite3_bind_int(need, 2, y->year);
            sqlite3_bind_text(need, 3, y->kinds.v[k], -1, SQLITE_STATIC);
            step(L, y->h, need);
          }
        }
      }
    }
    batch(L, y->h, ++n);
  }
  if (rc != SQLITE_DONE) return store_raise(L, y->h, rc);
  lua_pushinteger(L, events);
  lua_pushinteger(L, surveys);
  return 2;
}

static const luaL_Reg rng_methods[] = {{"random", l_rng_random}, {NULL, NULL}};
static const luaL_Reg gen_methods[] = {{"commune", l_commune}, {"close", l_gen_close}, {NULL, NULL}};
static const luaL_Reg year_methods[] = {
    {"propose", l_propose}, {"settle", l_settle}, {"close", l_year_close}, {NULL, NULL}};
static const luaL_Reg pass_methods[] = {{"close", l_pass_close}, {NULL, NULL}};
static const luaL_Reg gen_funcs[] = {{"rng", l_rng}, {"new", l_new}, {"year", l_year}, {NULL, NULL}};

int luaopen_kehoach_gen(lua_State *L) {
  modules_new_class(L, RNG_MT, rng_methods, l_rng_close);
  modules_new_class(L, GEN_MT, gen_methods, l_gen_close);
  modules_new_class(L, YEAR_MT, year_methods, l_year_close);
  modules_new_class(L, PASS_MT, pass_methods, l_pass_close);
  luaL_newlib(L, gen_funcs);
  return 1;
}

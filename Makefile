# kehoach — build, run and test. `make run` and `make test` start from a fresh Debian 12
# machine: scripts/deps.sh installs the packages pkg-config cannot find (as root) first.

BUILD    ?= build
SANITIZE ?=
CC       ?= cc
OPT      ?= -O2
CFLAGS_BASE = -std=c11 -D_GNU_SOURCE -g $(OPT) -Wall -Wextra -Wshadow -Wno-unused-parameter

ifeq ($(SANITIZE),1)
  SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
  BIN = $(BUILD)/kehoach
else
  BIN = kehoach
endif

# written by scripts/deps.sh: PKG_CFLAGS, PKG_LIBS, CMOCKA_CFLAGS, CMOCKA_LIBS
CONFIG = build/config.mk
# made at build time: the registry's SQL, from its declaration (see store.o below)
GEN    = build/gen
-include $(CONFIG)

DEFS    ?=
CFLAGS  = $(CFLAGS_BASE) $(SAN_FLAGS) $(DEFS) $(PKG_CFLAGS) -I$(GEN)
LDFLAGS = $(SAN_FLAGS)

ENGINE_SRC  = $(wildcard engine/*.c)
ENGINE_OBJ  = $(patsubst engine/%.c,$(BUILD)/obj/%.o,$(ENGINE_SRC))
LIB_OBJ     = $(filter-out $(BUILD)/obj/main.o,$(ENGINE_OBJ))
TEST_SRC    = $(wildcard tests/test_*.c)
TEST_BIN    = $(patsubst tests/%.c,$(BUILD)/tests/%,$(TEST_SRC))

# Fuzz targets (tests/fuzz/): `make fuzz` runs each under libFuzzer for FUZZ_SECONDS;
# `make test` replays the inputs kept in tests/fuzz/corpus/<target>/ without libFuzzer.
FUZZ_TARGETS = csv_import plan params values sheet
FUZZ_SECONDS ?= 60
REPLAY_BIN   = $(patsubst %,$(BUILD)/tests/replay_%,$(FUZZ_TARGETS))
FUZZ_SEEDS_plan = plans    # more seeds, read where they live

REGISTRY = data/registry.db
PLAN     = plans/lao-cai-city-2021.lua

.PHONY: all run test san bench clean deps check-tests fuzz faults valgrind national
.SECONDARY:
.DEFAULT_GOAL := all

all: $(BIN)

$(CONFIG): scripts/deps.sh
	@mkdir -p $(dir $@)
	@sh scripts/deps.sh > $@.tmp && mv $@.tmp $@ || { rm -f $@.tmp; exit 1; }

deps: $(CONFIG)

$(BUILD)/obj/%.o: engine/%.c $(wildcard engine/*.h) | $(CONFIG)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

# The registry's SQL is not written in C: store.c includes it from a header made from the
# schema's one declaration (stdlib/kehoach/registry/schema.lua) by scripts/schema_header.c.
$(BUILD)/obj/store.o build/fuzz/obj/store.o: $(GEN)/registry_schema.h

$(GEN)/registry_schema.h: stdlib/kehoach/registry/schema.lua $(GEN)/schema_header
	$(GEN)/schema_header $< > $@.tmp && mv $@.tmp $@ || { rm -f $@.tmp; exit 1; }

$(GEN)/schema_header: scripts/schema_header.c | $(CONFIG)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(PKG_CFLAGS) -o $@ $< $(PKG_LIBS)

$(BIN): $(ENGINE_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/tests/%: tests/%.c $(wildcard tests/*.h) $(LIB_OBJ) | $(CONFIG)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(CMOCKA_CFLAGS) -Iengine -o $@ $< $(LIB_OBJ) $(LDFLAGS) $(PKG_LIBS) $(CMOCKA_LIBS)

$(BUILD)/tests/replay_%: tests/fuzz/replay.c tests/fuzz/fuzz.c tests/harness.h $(LIB_OBJ) | $(CONFIG)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Iengine -Itests -DFUZZ_TARGET='"$*"' \
	  $(if $(FUZZ_SEEDS_$*),-DFUZZ_MORE_SEEDS='"$(strip $(FUZZ_SEEDS_$*))"') -o $@ tests/fuzz/replay.c tests/fuzz/fuzz.c \
	  $(LIB_OBJ) $(LDFLAGS) $(PKG_LIBS)

# The default registry: Lào Cai city at the end of 2020 (scripts/profiles/lao-cai-city.lua).
$(REGISTRY): scripts/profiles/lao-cai-city.lua $(wildcard stdlib/kehoach/registry/*.lua) engine/lua_gen.c \
             $(wildcard stdlib/kehoach/standards*.lua stdlib/kehoach/standards/*.lua) | $(BIN)
	@mkdir -p $(dir $@)
	./$(BIN) db generate $@ --force

# A second district: Sa Pa town at the end of 2020 (scripts/profiles/sa-pa.lua), for
# plans/sa-pa-2021.lua.
SAPA = data/sa-pa.db
$(SAPA): scripts/profiles/sa-pa.lua $(wildcard stdlib/kehoach/registry/*.lua) engine/lua_gen.c \
         $(wildcard stdlib/kehoach/standards*.lua stdlib/kehoach/standards/*.lua) | $(BIN)
	@mkdir -p $(dir $@)
	./$(BIN) db generate $@ --profile scripts/profiles/sa-pa.lua --force

# A province after July 2025, with no district: the new Lào Cai province at the end of 2026, a
# 1-in-10 sample of its households (scripts/profiles/lao-cai-province.lua), for
# plans/lao-cai-province-2027.lua and plans/xa-mu-cang-chai-2027.lua.
PROVINCE = data/lao-cai-province.db
$(PROVINCE): scripts/profiles/lao-cai-province.lua $(wildcard stdlib/kehoach/registry/*.lua) engine/lua_gen.c stdlib/kehoach/units.lua \
         $(wildcard stdlib/kehoach/standards*.lua stdlib/kehoach/standards/*.lua) | $(BIN)
	@mkdir -p $(dir $@)
	./$(BIN) db generate $@ --profile scripts/profiles/lao-cai-province.lua --force

# The whole country after July 2025 (scripts/profiles/vietnam.lua: 34 provinces, 3,321
# communes), for plans/viet-nam-2027.lua: a 1-in-200 sample of its households for the tests,
# and the country at full size (31,040,000 households; `make national`, not part of run or
# test: many minutes and about 10 GB).
NATIONAL_SAMPLE = data/vietnam-sample.db
$(NATIONAL_SAMPLE): scripts/profiles/vietnam.lua $(wildcard stdlib/kehoach/registry/*.lua) engine/lua_gen.c stdlib/kehoach/units.lua \
         $(wildcard stdlib/kehoach/standards*.lua stdlib/kehoach/standards/*.lua) | $(BIN)
	@mkdir -p $(dir $@)
	./$(BIN) db generate $@ --profile scripts/profiles/vietnam.lua --force

NATIONAL = data/national.db
NATIONAL_HOUSEHOLDS ?= 31040000
national: $(BIN)
	@mkdir -p data
	./$(BIN) db generate $(NATIONAL) --profile scripts/profiles/vietnam.lua --households $(NATIONAL_HOUSEHOLDS) --force

run: $(BIN) $(REGISTRY)
	./$(BIN) run $(PLAN)

# Every test: cmocka binaries for each C module, the Lua tests (tests/lua, run through the
# engine by test_lua), and the command-line tests (test_cli runs the built program).
test: $(BIN) $(TEST_BIN) $(REPLAY_BIN) $(REGISTRY) $(SAPA) $(PROVINCE) $(NATIONAL_SAMPLE)
	@sh scripts/test-deps.sh $(BUILD)/test-deps.stamp
	@KEHOACH_BIN=$(abspath $(BIN)) KEHOACH_REGISTRY=$(abspath $(REGISTRY)) KEHOACH_SAPA=$(abspath $(SAPA)) \
	  KEHOACH_PROVINCE=$(abspath $(PROVINCE)) KEHOACH_NATIONAL_SAMPLE=$(abspath $(NATIONAL_SAMPLE)) \
	  sh tests/run.sh $(TEST_BIN) $(REPLAY_BIN)

# The same tests with AddressSanitizer and UndefinedBehaviorSanitizer.
san:
	$(MAKE) BUILD=build/san SANITIZE=1 OPT=-O1 test

# libFuzzer from Debian's clang: the engine built with coverage, ASan and UBSan, one
# program per target, each run for FUZZ_SECONDS (tests/fuzz/run.sh reports executions).
FUZZ_CC     ?= clang
FUZZ_SAN     = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_CFLAGS  = -std=c11 -D_GNU_SOURCE -g -O1 -Wall -Wextra -Wshadow -Wno-unused-parameter $(FUZZ_SAN) $(PKG_CFLAGS) -I$(GEN)
FUZZ_OBJ     = $(patsubst engine/%.c,build/fuzz/obj/%.o,$(filter-out engine/main.c,$(ENGINE_SRC)))
FUZZ_BIN     = $(patsubst %,build/fuzz/%,$(FUZZ_TARGETS))

build/fuzz/obj/%.o: engine/%.c $(wildcard engine/*.h) | $(CONFIG)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

build/fuzz/%: tests/fuzz/fuzz.c $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Iengine -DFUZZ_LIBFUZZER -DFUZZ_TARGET='"$*"' -o $@ \
	  tests/fuzz/fuzz.c $(FUZZ_OBJ) $(PKG_LIBS)

fuzz: $(CONFIG) $(REGISTRY)
	@sh tests/fuzz/deps.sh
	@$(MAKE) --no-print-directory $(FUZZ_BIN)
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(foreach t,$(FUZZ_TARGETS),$(t)$(if $(FUZZ_SEEDS_$(t)),:$(strip $(FUZZ_SEEDS_$(t)))))

# Allocation failures (tests/faults/walk.c): the engine built with -DKEHOACH_FAULTS under
# ASan and UBSan, and the walk of the failing allocation over the whole 2021 run, on a
# registry of FAULT_HOUSEHOLDS households made from the same profile (the plan's poor
# households and needs are all there, so every phase runs as on the default registry).
# FAULT_STEP=7 fails every 7th allocation (a quarter of an hour on two cores); FAULT_STEP=1
# every one in turn (about two hours); FAULT_ONCE=1 fails only the Nth, not all after it.
FAULT_HOUSEHOLDS ?= 5000
FAULT_STEP       ?= 7
FAULT_ONCE       ?= 0
FAULT_JOBS       ?= 2
FAULT_REGISTRY   ?= build/faults/registry-$(FAULT_HOUSEHOLDS).db

build/faults/registry-%.db: $(REGISTRY) | $(BIN)
	@mkdir -p $(dir $@)
	./$(BIN) db generate $@ --households $* --force

faults: $(CONFIG) $(FAULT_REGISTRY)
	@$(MAKE) --no-print-directory BUILD=build/faults SANITIZE=1 OPT=-O1 DEFS=-DKEHOACH_FAULTS \
	  build/faults/kehoach build/faults/tests/walk
	KEHOACH_BIN=build/faults/kehoach FAULT_REGISTRY=$(FAULT_REGISTRY) FAULT_STEP=$(FAULT_STEP) \
	  FAULT_JOBS=$(FAULT_JOBS) FAULT_ONCE=$(FAULT_ONCE) ASAN_OPTIONS=detect_leaks=1 build/faults/tests/walk

$(BUILD)/tests/walk: tests/faults/walk.c tests/harness.h | $(CONFIG)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(CMOCKA_CFLAGS) -Itests -o $@ $< $(LDFLAGS) $(PKG_LIBS) $(CMOCKA_LIBS)

# The 2021 run under valgrind's memcheck: no invalid access, no leak.
valgrind: $(BIN) $(REGISTRY)
	@sh tests/valgrind.sh ./$(BIN) $(PLAN) $(REGISTRY)

bench: $(BIN) $(BUILD)/bench_workbook
	sh scripts/bench.sh ./$(BIN)

# the workbook bench_import reads (.xlsx) beside the CSV files of the same rows
$(BUILD)/bench_workbook: scripts/bench_workbook.c | $(CONFIG)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(PKG_CFLAGS) -o $@ $< $(PKG_LIBS)

clean:
	rm -rf build kehoach out

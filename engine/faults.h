/*
** faults.h — allocation failures on demand, for the hardening tests (`make faults`).
**
** In a build with -DKEHOACH_FAULTS, the Lua allocator (every block that grows) and SQLite
** (through its memory methods, SQLITE_CONFIG_MALLOC) count their allocations together.
** KEHOACH_FAIL_AT=N makes the Nth allocation fail and every one after it, as when the
** system runs out of memory at that moment (KEHOACH_FAIL_ONCE=1: only the Nth, the way
** SQLite's "transient" malloc tests do). At exit the program writes one line to stderr,
**   kehoach-faults: A allocations; failing from N: reached | not reached
** so a test can tell when N has walked past the whole run. Without KEHOACH_FAULTS these
** are empty and cost nothing.
*/
#ifndef KEHOACH_FAULTS_H
#define KEHOACH_FAULTS_H

#ifdef KEHOACH_FAULTS

/* Reads the environment and installs SQLite's memory methods: call before SQLite runs. */
void faults_setup(void);

/* Counts one allocation; 1 when it must fail. */
int faults_fail(void);

/* Stops failing: the error has been reported and the program is freeing what it held
** (Lua's finalizers need a little memory to run; freeing never fails). */
void faults_stop(void);

/* Writes the line above to stderr. */
void faults_report(void);

#else

static inline void faults_setup(void) {}
static inline int faults_fail(void) { return 0; }
static inline void faults_stop(void) {}
static inline void faults_report(void) {}

#endif
#endif

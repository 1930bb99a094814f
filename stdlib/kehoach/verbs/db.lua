-- db.lua — `kehoach db ...`: the household registry's commands. Each subcommand is its
-- own module (kehoach.verbs.db_<name>); one without a module is not built yet.
return {
  usage = "kehoach db COMMAND ...",
  about = "Make, fill, inspect and check household registries (schema v1: every table and column\n" ..
    "is described in docs/registry.md, The schema).",
  subcommands = {
    { name = "init", args = "FILE", module = "kehoach.verbs.db_init",
      summary = "create an empty registry" },
    { name = "generate", args = "FILE [--profile FILE] [--seed N] [--households N]",
      module = "kehoach.verbs.db_generate",
      summary = "write a synthetic registry from a district profile" },
    { name = "import", args = "DIR|FILE... [--db FILE]", module = "kehoach.verbs.db_import",
      summary = "import CSV files into a registry, all or nothing" },
    { name = "export", args = "DIR [--db FILE]", module = "kehoach.verbs.db_export", summary = "write the registry as CSV files" },
    { name = "stats", args = "[--db FILE] [--year Y] [--json]", module = "kehoach.verbs.db_stats",
      summary = "households, persons and poverty by commune" },
    { name = "check", args = "[--db FILE] [--standard S]", module = "kehoach.verbs.db_check",
      summary = "list households whose recorded status differs from the standard's" },
  },
}

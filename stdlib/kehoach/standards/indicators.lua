-- indicators.lua — the registry's deprivation indicators (surveys.d_*, the union of the
-- standards') with the Vietnamese label the legal texts give them: { d_water = "Nguồn
-- nước sinh hoạt", ... }. Both are declared once, in kehoach.registry.schema; a standard
-- lists the ones it counts and overrides a label where its own text words it differently.
return require("kehoach.registry.schema").terms.indicator

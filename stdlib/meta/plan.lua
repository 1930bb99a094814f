---@meta
-- plan.lua — editor annotations for the kehoach plan language, for the Lua language server
-- (LuaLS, sumneko): with this folder in the editor's workspace library, writing a plan
-- completes the declarations (plan, target, support, ...), their fields and the selector
-- keys, shows what each means, and flags a field that does not exist. The engine never
-- loads this file: the plan language itself is kehoach.plan and kehoach.plan.schema, and
-- tests/lua/test_meta.lua keeps this file naming every declaration and field they know.
-- How to set an editor up: docs/plan-language.md, "Editor completion".

-- ---- values ---------------------------------------------------------------------------------

---Money in whole đồng (VND): `million(5723)`, `250000`, `50e6`.
---@alias kehoach.Money number

---An amount of support made by one of the helpers.
---@class (exact) kehoach.Amount
---@field basis "person_month"|"household"|"person"|"unit"
---@field vnd integer đồng per person-month, household, person or unit
---@field noun? string what a unit is ("con bò")

---Commune names to counts: `{ ["An Lạc"] = 14 }`, or pairs in the order written:
---`{ { "An Lạc", 14 }, { "Hòa Bình", 1 } }`.
---@alias kehoach.CommuneCounts table<string, integer>|({ [1]: string, [2]: integer })[]

---One name, or a list of names.
---@alias kehoach.Names string|string[]

---@alias kehoach.Status "poor"|"near_poor"|"middle"|"non_poor"
---@alias kehoach.Need "credit"|"livestock"|"training"|"housing"|"employment"|"education"
---@alias kehoach.Indicator "d_employment"|"d_dependants"|"d_nutrition"|"d_health_access"|"d_health_insurance"|"d_adult_education"|"d_child_schooling"|"d_housing_quality"|"d_housing_area"|"d_water"|"d_latrine"|"d_telecom"|"d_information"

---A range, inclusive: `{ min = 2 }`, `{ max = 700000 }`, `{ min = 1, max = 4 }`.
---@class (exact) kehoach.Range
---@field min? integer
---@field max? integer

-- ---- helpers --------------------------------------------------------------------------------

---n million đồng: `million(5723)` is 5.723.000.000 đồng; `million(2.5)` is 2.500.000.
---@param n number
---@return kehoach.Money
function million(n) end

---An amount for each person of the household, each month of the support's months or quarters.
---@param vnd kehoach.Money
---@return kehoach.Amount
function per_person_month(vnd) end

---An amount once per household.
---@param vnd kehoach.Money
---@return kehoach.Amount
function per_household(vnd) end

---An amount once per person of the household.
---@param vnd kehoach.Money
---@return kehoach.Amount
function per_person(vnd) end

---An amount per unit (a cow, a card); the support says how many units (units or
---units_per_household).
---@param vnd kehoach.Money
---@param noun? string what a unit is: "con bò"
---@return kehoach.Amount
function per_unit(vnd, noun) end

-- ---- selectors: who -------------------------------------------------------------------------

---What a `where` function sees of a household (at the review the plan reads).
---@class (exact) kehoach.Household
---@field code string the household's code
---@field commune string its commune, as the registry names it
---@field village string|nil its village (thôn, tổ dân phố)
---@field head string|nil the head of household
---@field urban boolean lives in a ward or township
---@field difficult boolean lives in an especially difficult commune
---@field ethnic_minority boolean an ethnic-minority household
---@field income integer income per person per month, đồng
---@field status kehoach.Status the status recognised at the review
---@field unable_to_escape boolean recognised unable to escape poverty
---@field deprivations integer deprivations counted under the plan's standard
---@field persons integer members of the household
---@field needs table<kehoach.Need, true> needs registered at the review: `h.needs.credit`

---Which households a support is for: every condition must hold.
---@class (exact) kehoach.Selector
---@field status? kehoach.Status|kehoach.Status[] the status at the review (any of a list)
---@field unable_to_escape? boolean recognised as a poor household unable to escape poverty
---@field need? kehoach.Need|kehoach.Need[] a need registered at the review (any of a list)
---@field commune? kehoach.Names lives in this commune (or one of these)
---@field urban? boolean lives in a ward or township (urban poverty lines)
---@field difficult? boolean lives in an especially difficult commune
---@field ethnic_minority? boolean an ethnic-minority household
---@field income? kehoach.Range income per person per month, đồng
---@field deprivations? kehoach.Range deprivations counted under the plan's standard
---@field deprived? kehoach.Indicator|kehoach.Indicator[] deprived in this indicator (any of a list)
---@field persons? kehoach.Range members of the household
---@field poverty_kind? "income"|"deprivation" poor by income, or by deprivations
---@field also_in? kehoach.Names chosen for this earlier support too (any of a list); `["in"]` is the same
---@field not_in? kehoach.Names not chosen for this earlier support (none of a list)
---@field any? kehoach.Selector[] one of these selectors holds
---@field where? fun(h: kehoach.Household): boolean a condition in Lua, run per household (slow)

---What a support changes, for the projection.
---@class (exact) kehoach.Effect
---@field income? integer đồng per person per month added, from `from`
---@field from? string the quarter ("Q3") or month ("07") it starts
---@field clears? kehoach.Indicator[] deprivations it removes
---@field note? string the assumption, in words

-- ---- expectations (kehoach test) ------------------------------------------------------------

---What the registry should give a support.
---@class (exact) kehoach.SupportExpect
---@field households? integer households chosen
---@field persons? integer persons in them
---@field units? integer units given
---@field cost? kehoach.Money their cost
---@field eligible? integer households eligible anywhere in the district
---@field waitlisted? integer households eligible but passed over by the quotas
---@field by_commune? kehoach.CommuneCounts households chosen, by commune

---What the registry should give a target.
---@class (exact) kehoach.TargetExpect
---@field surveyed? integer the households of the plan's unit at the review (of the communes under it)
---@field poor? integer its poor households at the review
---@field near_poor? integer its near-poor households at the review
---@field rate_points? number the target's households as points of the surveyed
---@field poor_by_commune? kehoach.CommuneCounts poor households at the review, by commune

---What the programmes should cost: the total, and any source's name.
---@class kehoach.BudgetExpect
---@field total? kehoach.Money the cost of every programme with a source
---@field [string] kehoach.Money that source's programmes' cost

-- ---- the declarations -----------------------------------------------------------------------

---What the plan is. Required, once.
---@class (exact) kehoach.Plan
---@field id string the plan's name in files and folders: out/<id>/
---@field title string the title as printed
---@field unit string the unit the plan is for (a commune, district, province or the country), as the registry names it, or its kind and name
---@field year integer the year the plan runs
---@field standard "vn-2016"|"vn-2022"|"vn-2026"|string the poverty standard (or your own: standards/NAME.lua beside the plan)
---@field registry_year? integer the survey read (default: year - 1)
---@field issuer? string who issues the plan (Ủy ban nhân dân ...)
---@field number? string the document number (Số: .../KH-UBND)
---@field place? string the place written before the date
---@field issued? string the date of issue ("2021-04-20"), or its month ("2021-04")
---@field basis? string|string[] the documents the plan carries out
---@field preamble? string the opening paragraph
---@field goal? string the general goal (Mục tiêu chung)
---@field objectives? string|string[] specific objectives; {path} is replaced by that value
---@field closing? string the closing sentence

---@param t kehoach.Plan
function plan(t) end

---Households to lift out of poverty, by commune and quarter.
---@class (exact) kehoach.Target
---@field label? string what the target is, in words
---@field households integer poor households to lift out of poverty in the year
---@field rate_points? number the fall in the poverty rate, in percentage points
---@field by_commune? kehoach.CommuneCounts households by commune
---@field Q1? kehoach.CommuneCounts households by commune in quarter I
---@field Q2? kehoach.CommuneCounts ... in quarter II
---@field Q3? kehoach.CommuneCounts ... in quarter III
---@field Q4? kehoach.CommuneCounts ... in quarter IV
---@field quarter_totals? { Q1?: integer, Q2?: integer, Q3?: integer, Q4?: integer } households stated for each quarter
---@field poor_at_end? integer the poor households left at year end (the poor at the review minus households)
---@field rate_at_end? number the poverty rate at year end, in %
---@field expect? kehoach.TargetExpect what the registry should give (kehoach test)

---A target: `target "giam_ho_ngheo" { households = 90, ... }`.
---@param name string letters, digits and _
---@return fun(t: kehoach.Target)
function target(name) end

---A programme: who qualifies, how much each gets, when, from which fund, by whom.
---@class (exact) kehoach.Support
---@field label string the programme's name as printed
---@field who kehoach.Selector which households qualify
---@field amount? kehoach.Amount how much each gets (none: no cost to the plan)
---@field months? string the months it is paid: "01-12"
---@field quarters? string the quarters it is carried out: "Q1-Q2"
---@field completed_by? string the quarter the plan says it is completed
---@field quota? kehoach.CommuneCounts households by commune; without it every eligible household
---@field priority? "lowest_income"|"most_deprived" who comes first within a commune's quota
---@field households? integer households the plan states
---@field persons? integer persons the plan states
---@field units? integer units given in all, for per_unit amounts (80 cows)
---@field units_per_household? integer units each household gets, for per_unit amounts
---@field scope? kehoach.Names the communes the programme is limited to
---@field coverage? number the share of eligible households the plan promises (1 = 100%)
---@field source? string the funding source that pays
---@field outside_budget? string why it is not paid from this plan's budget
---@field by? kehoach.Names the agencies that carry it out
---@field with? kehoach.Names the agencies that help
---@field effect? kehoach.Effect what it changes, for projection
---@field section? "tasks"|"measures" where the plan document puts it
---@field notes? string|string[] further sentences for the plan document
---@field text? string|string[] the plan's own sentences for it in the plan document; {households}, {persons}, {communes}, {cost}, {units}, {amount}, {scope} and {path} are filled from the run
---@field show? string|string[] the figures the document's own sentences print: "households", "persons", "communes", "amount"
---@field budget_label? string what it pays for in the budget's line (placeholders as in text)
---@field short? string a short name where the label does not fit: the workbook's sheet of its households
---@field period_note? string words in brackets after its period in the plan document
---@field expect? kehoach.SupportExpect what the registry should give (kehoach test)

---A support: `support "tro_cap" { label = ..., who = { ... }, ... }`.
---@param name string letters, digits and _
---@return fun(t: kehoach.Support)
function support(name) end

---What an activity delivers, counted.
---@class (exact) kehoach.Delivers
---@field count integer how many: 12
---@field noun string of what: "lớp tập huấn"

---A budget line that pays no household: communication, capacity building, monitoring.
---@class (exact) kehoach.Activity
---@field label string the activity's name as printed
---@field cost kehoach.Money what it costs, in đồng
---@field source string the funding source that pays
---@field by? kehoach.Names the agencies that carry it out
---@field with? kehoach.Names the agencies that help
---@field months? string the months it is carried out: "01-12"
---@field quarters? string the quarters it is carried out: "Q1-Q4"
---@field delivers? kehoach.Delivers what it delivers: { count = 12, noun = "lớp tập huấn" }
---@field notes? string|string[] further sentences for the plan document

---An activity: `activity "truyen_thong" { label = ..., cost = million(920), source = ... }`.
---@param name string letters, digits and _
---@return fun(t: kehoach.Activity)
function activity(name) end

---The coefficients of an allocation's score.
---@class (exact) kehoach.Criteria
---@field poor? number per poor household
---@field near_poor? number per near-poor household
---@field ethnic_minority_poor? number per poor household whose head is of an ethnic minority
---@field difficult? number the multiplier on an especially difficult commune's score

---What an allocation leaves out: units' names, and urban = true for every phường.
---@class kehoach.Exclude
---@field urban? boolean
---@field [integer] string

---A fund divided among units by criteria.
---@class (exact) kehoach.Allocation
---@field label string the allocation's name as printed
---@field fund kehoach.Money the sum divided
---@field source string the funding source the fund comes from
---@field criteria kehoach.Criteria the coefficients
---@field to? "communes"|"districts"|"provinces"|"children" who receives: the plan's children
---@field then_to? "communes" each child's share divided again among its communes
---@field round? kehoach.Money amounts are whole multiples of it (default million(1))
---@field floor? kehoach.Money the least a unit that is not excluded receives
---@field then_floor? kehoach.Money the least a commune receives, with then_to
---@field exclude? kehoach.Exclude units that receive nothing
---@field basis? string the rule the criteria come from, as printed
---@field notes? string|string[] further sentences for the plan document

---A fund divided by criteria: `allocation "phan_bo_von" { label = ..., fund = million(50000), ... }`.
---@param name string letters, digits and _
---@return fun(t: kehoach.Allocation)
function allocation(name) end

---A funding source.
---@class (exact) kehoach.Source
---@field label string the funding source's name as printed
---@field short? string a short name for narrow tables
---@field loan? boolean true when the money is lent, not given

---A funding source: `source "von_vay" { label = ..., loan = true }`.
---@param name string letters, digits and _ (budget lines use it)
---@return fun(t: kehoach.Source)
function source(name) end

---The plan's need for funds: the total and each source's line (by the source's name).
---@class kehoach.Budget
---@field total kehoach.Money the plan's total need for funds
---@field expect? kehoach.BudgetExpect what the programmes should cost (kehoach test)
---@field [string] kehoach.Money a source's line

---@param t kehoach.Budget
function budget(t) end

---A report the plan requires.
---@class (exact) kehoach.Report
---@field label string the report's name as printed
---@field due? string the day it must be sent by: "2021-06-05"
---@field to kehoach.Names the agency it goes to
---@field from? kehoach.Names who sends it
---@field covers? string the months it reports on: "01-06"
---@field when? string when it is sent, for reports without a date ("theo chỉ đạo")

---@param name string letters, digits and _
---@return fun(t: kehoach.Report)
function report(name) end

---Who does what; the array part lists its duties, in order.
---@class (exact) kehoach.Agency
---@field name string the agency's name as printed
---@field short? string a short name
---@field requested? boolean true for bodies the plan asks (Đề nghị) rather than directs
---@field [integer] string a duty

---@param name string letters, digits and _
---@return fun(t: kehoach.Agency)
function agency(name) end

---The distribution list (Nơi nhận), one text per line.
---@class (exact) kehoach.Distribution
---@field [integer] string a line

---@param t kehoach.Distribution
function distribution(t) end

---The signature block: the lines above the name, in order, and the name.
---@class (exact) kehoach.Signature
---@field name string the name of the person who signs
---@field [integer] string a line above the name

---@param t kehoach.Signature
function signature(t) end

---A named set of changes by path (`["tro_cap.amount"] = 300000`), run with --scenario NAME.
---@class kehoach.Scenario
---@field label? string what the scenario asks
---@field budget? "gap"|"cap"|"prorate" when a source cannot pay for everything
---@field base? string in a scenario file of its own: the plan it changes, relative to the file
---@field [string] any the value at that path

---@param name string letters, digits and _
---@return fun(t: kehoach.Scenario)
function scenario(name) end

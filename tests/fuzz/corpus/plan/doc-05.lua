plan { id = "mau-2021", title = "Kế hoạch mẫu", unit = "Thành phố Mẫu", year = 2021, standard = "vn-2016" }
who = { any = {
  { status = { "poor", "near_poor" } },
  { ethnic_minority = true, difficult = true },
} }

who = { status = "poor", where = function(h) return h.persons >= 4 and h.needs.credit end }

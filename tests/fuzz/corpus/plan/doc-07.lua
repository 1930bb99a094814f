plan { id = "mau-2021", title = "Kế hoạch mẫu", unit = "Thành phố Mẫu", year = 2021, standard = "vn-2016" }
budget { total = million(5723), ngan_sach_tinh = million(2048),
  ngan_sach_thanh_pho = million(315), xa_hoi_hoa = million(960), von_vay = million(2400) }

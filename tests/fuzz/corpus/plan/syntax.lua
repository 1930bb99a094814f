plan { id = "x" 

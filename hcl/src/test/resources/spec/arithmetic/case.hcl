negative = -3
double   = --2.5
sum      = 1 + 2
compare  = 1 < 2
not_num  = !"x"
neg_str  = -"x"

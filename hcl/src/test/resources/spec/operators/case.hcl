sum        = 1 + 2.5
difference = 10 - 4
product    = 3 * 4
quotient   = 10 / 4
remainder  = 10 % 3
from_text  = "2" * 3
less       = 1 < 2
greater_eq = 2 >= 3
precedence = 1 + 2 * 3
lists      = [1, "a"] == [1, "a"]
objects    = { a = [1] } != { a = [2] }
shapes     = [1] == { a = 1 }
open_list  = [aws_thing.x.id] == ["a"]
divide_0   = 1 / 0
not_number = "x" + 1
length_cmp = length(["a"]) > 0 ? "some" : "none"

same_string   = "a" == "a"
other_string  = "a" != "b"
same_number   = 1 == 1.0
number_string = 1 == "1"
bools         = true == true
nulls         = null == null
null_string   = null != ""

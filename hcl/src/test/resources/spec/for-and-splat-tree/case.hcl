x = [for i, v in xs : v.a if i > 0]
y = { for k, v in m : v => k... }
z = f(a)[0].b[*].c
w = xs.*.a

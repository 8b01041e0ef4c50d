resource   = aws_iam_role.task.arn
data       = data.aws_caller_identity.current.account_id
module     = module.network.vpc_id
each_key   = each.key
count      = count.index
path       = path.module

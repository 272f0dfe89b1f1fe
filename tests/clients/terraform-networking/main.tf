# The networking milestone's configuration, written the way users write it: a dual-stack VPC with a
# public and a private subnet, an internet gateway, public and private route tables (the private one
# routes through a NAT gateway, to S3 through a gateway endpoint and to a peered VPC), a custom network
# ACL with inline entries on the private subnet and a second one built from aws_network_acl_rule, three
# security groups whose rules reference each other and a managed prefix list, a network interface with
# two groups, two instances (the public one with an elastic IP), an interface endpoint and a peering
# connection. terraform-networking.sh applies it, expects an empty plan, then destroys it.

terraform {
  required_version = ">= 1.5.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100.0"
    }
  }
}

provider "aws" {
  region     = var.region
  access_key = "test"
  secret_key = "test"

  skip_metadata_api_check     = true
  skip_region_validation      = true
  skip_credentials_validation = false # the provider calls sts:GetCallerIdentity at the endpoint
  skip_requesting_account_id  = false
  max_retries                 = 3

  endpoints {
    ec2 = var.endpoint
    sts = var.endpoint
  }

  default_tags {
    tags = {
      Project   = "controlplane"
      ManagedBy = "terraform"
      RunId     = var.run_id
    }
  }
}

locals {
  name = "tf-${var.run_id}"
}

data "aws_ami" "amazon_linux" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["amzn2-ami-hvm-*-x86_64-gp2"]
  }

  filter {
    name   = "architecture"
    values = ["x86_64"]
  }
}

# ---------------------------------------------------------------- VPCs and subnets

resource "aws_vpc" "main" {
  cidr_block                       = "10.78.0.0/16"
  assign_generated_ipv6_cidr_block = true
  enable_dns_support               = true
  enable_dns_hostnames             = true

  tags = {
    Name = "${local.name}-vpc"
  }
}

resource "aws_vpc" "peer" {
  cidr_block = "10.79.0.0/16"

  tags = {
    Name = "${local.name}-peer"
  }
}

resource "aws_subnet" "public" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.78.1.0/24"
  ipv6_cidr_block         = cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 1)
  availability_zone       = "${var.region}a"
  map_public_ip_on_launch = true

  tags = {
    Name = "${local.name}-public"
    Tier = "public"
  }
}

resource "aws_subnet" "private" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.78.2.0/24"
  availability_zone = "${var.region}a"

  tags = {
    Name = "${local.name}-private"
    Tier = "private"
  }
}

resource "aws_subnet" "peer" {
  vpc_id            = aws_vpc.peer.id
  cidr_block        = "10.79.1.0/24"
  availability_zone = "${var.region}b"

  tags = {
    Name = "${local.name}-peer"
  }
}

# ---------------------------------------------------------------- gateways

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id

  tags = {
    Name = "${local.name}-igw"
  }
}

resource "aws_eip" "nat" {
  domain = "vpc"

  tags = {
    Name = "${local.name}-nat"
  }

  depends_on = [aws_internet_gateway.main]
}

resource "aws_nat_gateway" "main" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public.id

  tags = {
    Name = "${local.name}-nat"
  }

  depends_on = [aws_internet_gateway.main]
}

resource "aws_vpc_peering_connection" "peer" {
  vpc_id      = aws_vpc.main.id
  peer_vpc_id = aws_vpc.peer.id
  auto_accept = true

  tags = {
    Name = "${local.name}-peering"
  }
}

# ---------------------------------------------------------------- routing

# Inline routes.
resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }

  route {
    ipv6_cidr_block = "::/0"
    gateway_id      = aws_internet_gateway.main.id
  }

  tags = {
    Name = "${local.name}-public"
  }
}

# Routes as separate resources (the S3 gateway endpoint adds its prefix-list route here too).
resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id

  tags = {
    Name = "${local.name}-private"
  }
}

resource "aws_route" "private_default" {
  route_table_id         = aws_route_table.private.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.main.id
}

resource "aws_route" "private_to_peer" {
  route_table_id            = aws_route_table.private.id
  destination_cidr_block    = aws_vpc.peer.cidr_block
  vpc_peering_connection_id = aws_vpc_peering_connection.peer.id
}

resource "aws_route" "peer_to_main" {
  route_table_id            = aws_vpc.peer.main_route_table_id
  destination_cidr_block    = aws_vpc.main.cidr_block
  vpc_peering_connection_id = aws_vpc_peering_connection.peer.id
}

resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}

# ---------------------------------------------------------------- network ACLs

# Inline entries, associated with the private subnet.
resource "aws_network_acl" "private" {
  vpc_id     = aws_vpc.main.id
  subnet_ids = [aws_subnet.private.id]

  ingress {
    rule_no    = 100
    protocol   = "-1"
    action     = "allow"
    cidr_block = aws_vpc.main.cidr_block
    from_port  = 0
    to_port    = 0
  }

  ingress {
    rule_no    = 110
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 1024
    to_port    = 65535
  }

  ingress {
    rule_no    = 120
    protocol   = "icmp"
    action     = "allow"
    cidr_block = aws_vpc.peer.cidr_block
    icmp_type  = 8
    icmp_code  = 0
    from_port  = 0
    to_port    = 0
  }

  ingress {
    rule_no         = 130
    protocol        = "tcp"
    action          = "allow"
    ipv6_cidr_block = aws_vpc.main.ipv6_cidr_block
    from_port       = 443
    to_port         = 443
  }

  ingress {
    rule_no    = 200
    protocol   = "udp"
    action     = "deny"
    cidr_block = "0.0.0.0/0"
    from_port  = 53
    to_port    = 53
  }

  egress {
    rule_no    = 100
    protocol   = "-1"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }

  egress {
    rule_no         = 110
    protocol        = "-1"
    action          = "allow"
    ipv6_cidr_block = "::/0"
    from_port       = 0
    to_port         = 0
  }

  tags = {
    Name = "${local.name}-private"
  }
}

# No inline entries: its entries are aws_network_acl_rule resources, its subnet an association resource.
resource "aws_network_acl" "public" {
  vpc_id = aws_vpc.main.id

  tags = {
    Name = "${local.name}-public"
  }
}

resource "aws_network_acl_rule" "public_in_https" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 443
  to_port        = 443
}

resource "aws_network_acl_rule" "public_out_all" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 100
  egress         = true
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}

resource "aws_network_acl_association" "public" {
  network_acl_id = aws_network_acl.public.id
  subnet_id      = aws_subnet.public.id
}

# ---------------------------------------------------------------- prefix list and security groups

resource "aws_ec2_managed_prefix_list" "office" {
  name           = "${local.name}-office"
  address_family = "IPv4"
  max_entries    = 5

  entry {
    cidr        = "198.51.100.0/24"
    description = "office"
  }

  entry {
    cidr        = "203.0.113.0/24"
    description = "vpn"
  }

  tags = {
    Name = "${local.name}-office"
  }
}

resource "aws_security_group" "web" {
  name        = "${local.name}-web"
  description = "web tier"
  vpc_id      = aws_vpc.main.id

  tags = {
    Name = "${local.name}-web"
  }
}

resource "aws_security_group" "app" {
  name        = "${local.name}-app"
  description = "app tier"
  vpc_id      = aws_vpc.main.id

  tags = {
    Name = "${local.name}-app"
  }
}

resource "aws_security_group" "db" {
  name        = "${local.name}-db"
  description = "db tier"
  vpc_id      = aws_vpc.main.id

  tags = {
    Name = "${local.name}-db"
  }
}

resource "aws_vpc_security_group_ingress_rule" "web_https" {
  security_group_id = aws_security_group.web.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "https from anywhere"
}

resource "aws_vpc_security_group_ingress_rule" "web_ssh_office" {
  security_group_id = aws_security_group.web.id
  prefix_list_id    = aws_ec2_managed_prefix_list.office.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  description       = "ssh from the office prefix list"

  tags = {
    Name = "${local.name}-web-ssh"
  }
}

resource "aws_vpc_security_group_egress_rule" "web_to_app" {
  security_group_id            = aws_security_group.web.id
  referenced_security_group_id = aws_security_group.app.id
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  description                  = "to app"
}

resource "aws_vpc_security_group_ingress_rule" "app_from_web" {
  security_group_id            = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.web.id
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  description                  = "app port from web"
}

resource "aws_vpc_security_group_ingress_rule" "app_https_vpc" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = aws_vpc.main.cidr_block
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "https from the VPC (the ssm endpoint)"
}

resource "aws_vpc_security_group_egress_rule" "app_to_db" {
  security_group_id            = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.db.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "postgres to db"
}

resource "aws_vpc_security_group_egress_rule" "app_out" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_vpc_security_group_ingress_rule" "db_from_app" {
  security_group_id            = aws_security_group.db.id
  referenced_security_group_id = aws_security_group.app.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "postgres from app"
}

resource "aws_vpc_security_group_ingress_rule" "db_from_web" {
  security_group_id            = aws_security_group.db.id
  referenced_security_group_id = aws_security_group.web.id
  ip_protocol                  = "icmp"
  from_port                    = 8
  to_port                      = -1
  description                  = "ping from web"
}

# ---------------------------------------------------------------- interfaces and instances

resource "aws_network_interface" "app" {
  subnet_id       = aws_subnet.private.id
  private_ips     = ["10.78.2.50"]
  security_groups = [aws_security_group.app.id, aws_security_group.db.id]
  description     = "app service interface"

  tags = {
    Name = "${local.name}-app-eni"
  }
}

resource "aws_instance" "web" {
  ami                    = data.aws_ami.amazon_linux.id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.public.id
  vpc_security_group_ids = [aws_security_group.web.id]

  tags = {
    Name = "${local.name}-web"
  }
}

resource "aws_instance" "app" {
  ami                    = data.aws_ami.amazon_linux.id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private.id
  vpc_security_group_ids = [aws_security_group.app.id]

  tags = {
    Name = "${local.name}-app"
  }
}

resource "aws_eip" "web" {
  domain   = "vpc"
  instance = aws_instance.web.id

  tags = {
    Name = "${local.name}-web"
  }

  depends_on = [aws_internet_gateway.main]
}

# ---------------------------------------------------------------- VPC endpoints

resource "aws_vpc_endpoint" "ssm" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.${var.region}.ssm"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private.id]
  security_group_ids  = [aws_security_group.app.id]
  private_dns_enabled = true

  tags = {
    Name = "${local.name}-ssm"
  }
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.${var.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.private.id]

  tags = {
    Name = "${local.name}-s3"
  }
}

# ---------------------------------------------------------------- outputs

output "vpc_id" {
  value = aws_vpc.main.id
}

output "peer_vpc_id" {
  value = aws_vpc.peer.id
}

output "ipv6_cidr_block" {
  value = aws_vpc.main.ipv6_cidr_block
}

output "subnet_ids" {
  value = {
    public  = aws_subnet.public.id
    private = aws_subnet.private.id
    peer    = aws_subnet.peer.id
  }
}

output "internet_gateway_id" {
  value = aws_internet_gateway.main.id
}

output "route_table_ids" {
  value = {
    public  = aws_route_table.public.id
    private = aws_route_table.private.id
  }
}

output "network_acl_ids" {
  value = {
    private = aws_network_acl.private.id
    public  = aws_network_acl.public.id
  }
}

output "security_group_ids" {
  value = {
    web = aws_security_group.web.id
    app = aws_security_group.app.id
    db  = aws_security_group.db.id
  }
}

output "prefix_list_id" {
  value = aws_ec2_managed_prefix_list.office.id
}

output "network_interface_id" {
  value = aws_network_interface.app.id
}

output "instance_ids" {
  value = {
    web = aws_instance.web.id
    app = aws_instance.app.id
  }
}

output "eip" {
  value = {
    web_allocation_id = aws_eip.web.id
    web_public_ip     = aws_eip.web.public_ip
    nat_allocation_id = aws_eip.nat.id
  }
}

output "nat_gateway_id" {
  value = aws_nat_gateway.main.id
}

output "vpc_endpoint_ids" {
  value = {
    ssm = aws_vpc_endpoint.ssm.id
    s3  = aws_vpc_endpoint.s3.id
  }
}

output "peering_connection_id" {
  value = aws_vpc_peering_connection.peer.id
}

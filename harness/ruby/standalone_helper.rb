# frozen_string_literal: true

# Loads the pure rules the way plugin.rb does inside Discourse, so that spec/lib runs on its own
# (spec files require nothing, as in a Discourse checkout).
root = File.expand_path("../..", __dir__)

%w[clinic_policy clinic_name audit_chain].each do |name|
  require File.join(root, "lib/online_clinic/#{name}")
end

RSpec.configure do |config|
  config.disable_monkey_patching!
  config.order = :random
  Kernel.srand config.seed
end

# frozen_string_literal: true

module ::OnlineClinic
  # Base of the feature initializers in lib/online_clinic/initializers: each wires one
  # feature into Discourse through the plugin API.
  class Initializer
    attr_reader :plugin

    def self.apply_all(plugin)
      OnlineClinic::Initializers.constants.sort.each do |name|
        klass = OnlineClinic::Initializers.const_get(name)
        klass.new(plugin).apply if klass.is_a?(Class) && klass < Initializer
      end
    end

    def initialize(plugin)
      @plugin = plugin
    end

    def apply
      raise NotImplementedError
    end
  end
end

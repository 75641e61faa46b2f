# frozen_string_literal: true

module OnlineClinic
  # A clinic's name is also its Discourse category's name, so it must pass Category's own
  # validation: `validates :name, presence: true, length: { in: 1..50 }` in
  # discourse/discourse app/models/category.rb (a composed emoji such as a family, several code
  # points joined by U+200D, counts as several).
  module ClinicName
    MAX_LENGTH = 50

    def self.normalize(name)
      TypedName.normalize(name)
    end

    def self.errors(name)
      TypedName.errors(name, max_length: MAX_LENGTH)
    end
  end
end

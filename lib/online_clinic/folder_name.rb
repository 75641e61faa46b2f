# frozen_string_literal: true

module OnlineClinic
  # A folder's name, as members type it.
  module FolderName
    MAX_LENGTH = 40

    def self.normalize(name)
      TypedName.normalize(name)
    end

    def self.errors(name)
      TypedName.errors(name, max_length: MAX_LENGTH)
    end

    # Two names are the same folder name when they differ only in case or spacing
    # ("Letters" and " letters "), so a clinic never shows two folders its members cannot tell
    # apart. Unicode-aware: "ÉTÉ" and "été" match.
    def self.same?(name, other)
      comparison_key(name) == comparison_key(other)
    end

    def self.comparison_key(name)
      normalize(name).downcase(:fold)
    end
  end
end

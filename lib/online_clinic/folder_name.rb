# frozen_string_literal: true

module OnlineClinic
  # A folder's name, as members type it. Pure: no Discourse here. Names are rendered as text,
  # never as HTML; the HTML check keeps a name from looking like markup to anyone who reads it.
  module FolderName
    # Code points, as String#length counts them: a Hebrew letter or "🌿" is one.
    MAX_LENGTH = 40

    # Like ClinicName: a tag ("<b>", "</p>", "<img …>") or a character reference ("&amp;",
    # "&#60;"). A lone "<" or "&" ("Tom & Ann") is fine.
    TAG_LIKE = /<[^\s<>][^<>]*>/
    ENTITY_LIKE = /&(?:#\d+|#x\h+|[[:alpha:]][[:alnum:]]*);/i

    # Runs of white space and control characters become one space; the ends are trimmed.
    def self.normalize(name)
      name.to_s.gsub(/(?:[[:space:]]|\p{Cc})+/, " ").strip
    end

    # Judges the name as it will be saved, that is after normalize.
    def self.errors(name)
      normalized = normalize(name)
      # Invisible format characters alone (U+200B, U+FEFF, …) make a blank name too.
      return [:blank] if normalized.gsub(/\p{Cf}/, "").empty?

      errors = []
      errors << :too_long if normalized.length > MAX_LENGTH
      errors << :contains_html if normalized.match?(TAG_LIKE) || normalized.match?(ENTITY_LIKE)
      errors
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

# frozen_string_literal: true

module OnlineClinic
  # A clinic's name is also its Discourse category's name, so it must pass Category's own
  # validation: `validates :name, presence: true, length: { in: 1..50 }` in
  # discourse/discourse app/models/category.rb. ActiveModel's length validator counts
  # String#length, i.e. Unicode code points: "🌿" is one character, and so is a Hebrew letter;
  # a composed emoji such as a family (several code points joined by U+200D) counts as several.
  module ClinicName
    MAX_LENGTH = 50

    # Something that a browser would take for a tag ("<b>", "</p>", "<!-- -->", "<img …>") or a
    # character reference ("&amp;", "&#60;", "&#x3c;"). A lone "<" or "&" (as in "Tom & Ann")
    # is fine: names are always rendered as text.
    TAG_LIKE = /<[^\s<>][^<>]*>/
    ENTITY_LIKE = /&(?:#\d+|#x\h+|[[:alpha:]][[:alnum:]]*);/i

    # Runs of white space (any Unicode space, tabs, line breaks) and control characters become one
    # space; the ends are trimmed. Control characters would otherwise reach PostgreSQL (which
    # refuses U+0000) or the page.
    def self.normalize(name)
      name.to_s.gsub(/(?:[[:space:]]|\p{Cc})+/, " ").strip
    end

    # Judges the name as it will be saved, that is after normalize.
    def self.errors(name)
      normalized = normalize(name)
      # A name made only of invisible format characters (U+200B, U+FEFF, …) is blank too.
      return [:blank] if normalized.gsub(/\p{Cf}/, "").empty?

      errors = []
      errors << :too_long if normalized.length > MAX_LENGTH
      errors << :contains_html if normalized.match?(TAG_LIKE) || normalized.match?(ENTITY_LIKE)
      errors
    end
  end
end

# frozen_string_literal: true

module OnlineClinic
  # The rules a name people type (a clinic's, a folder's) must follow. Pure: no Discourse here.
  # Names are always rendered as text; the HTML check keeps a name from looking like markup.
  module TypedName
    # Something a browser would take for a tag ("<b>", "</p>", "<!-- -->", "<img …>") or a
    # character reference ("&amp;", "&#60;", "&#x3c;"). A lone "<" or "&" ("Tom & Ann") is fine.
    TAG_LIKE = /<[^\s<>][^<>]*>/
    ENTITY_LIKE = /&(?:#\d+|#x\h+|[[:alpha:]][[:alnum:]]*);/i

    # Runs of white space (any Unicode space, tabs, line breaks) and control characters become
    # one space; the ends are trimmed. Control characters would otherwise reach PostgreSQL
    # (which refuses U+0000) or the page.
    def self.normalize(name)
      name.to_s.gsub(/(?:[[:space:]]|\p{Cc})+/, " ").strip
    end

    # Judges the name as it will be saved, that is after normalize. Length counts code points,
    # as String#length and ActiveModel's length validator do: "🌿" or a Hebrew letter is one.
    def self.errors(name, max_length:)
      normalized = normalize(name)
      # A name made only of invisible format characters (U+200B, U+FEFF, …) is blank too.
      return [:blank] if normalized.gsub(/\p{Cf}/, "").empty?

      errors = []
      errors << :too_long if normalized.length > max_length
      errors << :contains_html if normalized.match?(TAG_LIKE) || normalized.match?(ENTITY_LIKE)
      errors
    end
  end
end

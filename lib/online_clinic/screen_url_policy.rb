# frozen_string_literal: true

module OnlineClinic
  # Which addresses the shared screen may show, and in which normalised form. The browser runs
  # the same rule as an early check (screen-url-policy.ts); both are held to
  # test/fixtures/online-clinic/url-policy-vectors.json. docs/screen.md explains each decision.
  module ScreenUrlPolicy
    MAX_LENGTH = 2048

    REASONS = %i[
      malformed
      too_long
      scheme_not_allowed
      credentials_in_url
      no_host
      non_ascii_host
      ipv6_host
      private_host
    ].freeze

    Verdict =
      Struct.new(:url, :reason) do
        def accepted?
          reason.nil?
        end
      end

    EDGE_WHITESPACE = /\A[ \t\n\r\f]+|[ \t\n\r\f]+\z/
    CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/
    SCHEME = /\A([A-Za-z][A-Za-z0-9+.\-]*):/
    HOST_LABEL = /\A[a-z0-9_\-]{1,63}\z/
    NUMERIC_LABEL = /\A(?:[0-9]+|0x[0-9a-f]*)\z/
    DOTTED_QUAD =
      /\A(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\z/
    PORT = /\A[0-9]{1,5}\z/
    PRIVATE_SUFFIXES = %w[localhost local internal lan home.arpa].freeze
    DEFAULT_PORTS = { "http" => 80, "https" => 443 }.freeze
    PERCENT_ESCAPE = /\A%[0-9A-Fa-f]{2}/
    DOT_SEGMENT = /\A(?:\.|%2e){1,2}\z/i
    KEPT_EVERYWHERE = %r{\A[A-Za-z0-9\-._~!$&()*+,;=:@/]\z}

    def self.check(input)
      return rejected(:malformed) unless input.is_a?(String)
      return rejected(:malformed) unless input.valid_encoding?

      trimmed = input.encode(Encoding::UTF_8).gsub(EDGE_WHITESPACE, "")
      return rejected(:malformed) if trimmed.empty?
      return rejected(:too_long) if trimmed.length > MAX_LENGTH
      return rejected(:malformed) if trimmed.match?(CONTROL_CHARACTER)

      normalize(trimmed)
    rescue EncodingError
      rejected(:malformed)
    end

    def self.normalize(trimmed)
      scheme = SCHEME.match(trimmed)
      return rejected(:malformed) unless scheme

      scheme_name = scheme[1].downcase
      return rejected(:scheme_not_allowed) unless DEFAULT_PORTS.key?(scheme_name)
      # Browsers read "\" as "/" in web addresses; refusing it keeps one reading of the host.
      return rejected(:malformed) if trimmed.include?("\\")

      rest = trimmed[scheme[0].length..]
      return rejected(:malformed) unless rest.start_with?("//")

      authority, tail = split_authority(rest[2..])
      return rejected(:credentials_in_url) if authority.include?("@")

      port_match = /:([^:\]]*)\z/.match(authority)
      host = (port_match ? authority[0, port_match.begin(0)] : authority).downcase
      return rejected(:no_host) if host.empty?

      host_problem = host_verdict(host)
      return rejected(host_problem) if host_problem

      port = port_suffix(port_match && port_match[1], scheme_name)
      return rejected(:malformed) unless port

      assemble("#{scheme_name}://#{host}#{port}", tail)
    end

    def self.split_authority(text)
      authority_end = text.index(%r{[/?#]})
      authority_end ? [text[0, authority_end], text[authority_end..]] : [text, ""]
    end

    # "" for no port or the scheme's default port, nil for an impossible one.
    def self.port_suffix(raw_port, scheme_name)
      return "" if raw_port.nil?

      value = raw_port.match?(PORT) ? raw_port.to_i : 0
      return nil if value < 1 || value > 65_535

      value == DEFAULT_PORTS[scheme_name] ? "" : ":#{value}"
    end

    def self.assemble(origin, tail)
      before_fragment, raw_fragment = tail.split("#", 2)
      before_fragment ||= ""
      raw_path, raw_query = before_fragment.split("?", 2)
      raw_path ||= ""

      # Browsers resolve "." and ".." (also written %2e) themselves; such paths are refused.
      if raw_path.split("/").any? { |segment| segment.match?(DOT_SEGMENT) }
        return rejected(:malformed)
      end

      path = encode_part(raw_path.empty? ? "/" : raw_path, :path)
      query = raw_query && encode_part(raw_query, :query)
      fragment = raw_fragment && encode_part(raw_fragment, :fragment)
      if path.nil? || (raw_query && query.nil?) || (raw_fragment && fragment.nil?)
        return rejected(:malformed)
      end

      url = +"#{origin}#{path}"
      url << "?#{query}" if raw_query
      url << "##{fragment}" if raw_fragment
      return rejected(:too_long) if url.length > MAX_LENGTH

      Verdict.new(url, nil)
    end

    def self.host_verdict(host)
      return :ipv6_host if host.start_with?("[")
      return :non_ascii_host unless host.ascii_only?

      labels = host.split(".", -1)
      return :malformed if host.length > 253 || !labels.all? { |label| label.match?(HOST_LABEL) }

      # A browser reads a host whose last label is a number as an IPv4 address, in forms such as
      # 0x7f.1 or 2130706433: only the plain dotted form is allowed, so both sides see one address.
      if labels.last.match?(NUMERIC_LABEL)
        quad = DOTTED_QUAD.match(host)
        parts = quad ? quad.captures.map(&:to_i) : []
        return :malformed if quad.nil? || parts.any? { |part| part > 255 }

        return private_ipv4?(parts) ? :private_host : nil
      end

      if labels.length < 2 ||
           PRIVATE_SUFFIXES.any? { |suffix| host == suffix || host.end_with?(".#{suffix}") }
        return :private_host
      end

      nil
    end

    def self.private_ipv4?(parts)
      a, b = parts
      a == 0 || a == 10 || a == 127 || a >= 224 || (a == 100 && b.between?(64, 127)) ||
        (a == 169 && b == 254) || (a == 172 && b.between?(16, 31)) || (a == 192 && b == 168)
    end

    # Characters a browser's URL parser leaves exactly as they are, so that what the server
    # approved is byte for byte what the iframe loads; everything else is percent-encoded.
    def self.kept_as_is?(character, part)
      return true if character.match?(KEPT_EVERYWHERE)
      return part != :path if character == "?"
      return part != :query if character == "'"

      false
    end

    # nil when a "%" does not start a valid escape.
    def self.encode_part(text, part)
      out = +""
      index = 0
      while index < text.length
        character = text[index]
        if character == "%"
          escape = PERCENT_ESCAPE.match(text[index, 3])
          return nil unless escape

          out << escape[0]
          index += 3
          next
        end
        out << (kept_as_is?(character, part) ? character : percent_encode(character))
        index += 1
      end
      out
    end

    def self.percent_encode(character)
      character.bytes.map { |byte| format("%%%02X", byte) }.join
    end

    def self.rejected(reason)
      Verdict.new(nil, reason)
    end

    private_class_method :normalize,
                         :split_authority,
                         :port_suffix,
                         :assemble,
                         :host_verdict,
                         :private_ipv4?,
                         :kept_as_is?,
                         :encode_part,
                         :percent_encode,
                         :rejected
  end
end

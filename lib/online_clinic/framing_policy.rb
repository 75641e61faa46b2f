# frozen_string_literal: true

module OnlineClinic
  # Whether a page may be shown inside our forum's iframe, decided from its response headers
  # as browsers decide it: a CSP `frame-ancestors` directive wins; without one, X-Frame-Options
  # (HTML's "X-Frame-Options adherence" steps). true: frameable, false: refused, nil: unknown
  # (no headers could be read), so the shared screen shows the link card instead of a blank frame.
  module FramingPolicy
    DEFAULT_PORTS = { "http" => 80, "https" => 443 }.freeze
    ORIGIN = %r{\A([a-z][a-z0-9+.\-]*)://([^/:?#\[\]@]+)(?::([0-9]+))?(?:[/?#]|\z)}i
    SCHEME_SOURCE = /\A([a-z][a-z0-9+.\-]*):\z/i
    HOST_SOURCE =
      %r{\A(?:([a-z][a-z0-9+.\-]*)://)?(\*|(?:\*\.)?[a-z0-9\-.]+)(?::([0-9]+|\*))?(?:/.*)?\z}i

    Origin = Struct.new(:scheme, :host, :port)

    # headers: names in lower case, each with an array of values (Net::HTTP's #to_hash), or nil
    # when the page could not be fetched. page_url: the address whose response this is (its
    # origin is what 'self' and SAMEORIGIN mean). embedder_origin: our forum, e.g.
    # "https://forum.example.org".
    def self.frameable(headers, page_url:, embedder_origin:)
      return nil if headers.nil?

      page = parse_origin(page_url)
      embedder = parse_origin(embedder_origin)
      return nil if page.nil? || embedder.nil?

      ancestors = frame_ancestors_lists(values(headers, "content-security-policy"))
      unless ancestors.empty?
        return ancestors.all? { |sources| ancestor_allowed?(sources, embedder, page) }
      end

      x_frame_options_allow?(values(headers, "x-frame-options"), embedder, page)
    end

    def self.values(headers, name)
      found = headers.find { |key, _| key.to_s.downcase == name }
      found ? Array(found[1]).map(&:to_s) : []
    end

    # One source list per enforced policy that has a frame-ancestors directive. A header may hold
    # several policies separated by commas; within one, only the first directive of a name counts.
    def self.frame_ancestors_lists(header_values)
      header_values
        .flat_map { |value| value.split(",") }
        .filter_map do |policy|
          directive =
            policy
              .split(";")
              .map { |part| part.strip.split(/[ \t]+/) }
              .reject(&:empty?)
              .find { |tokens| tokens.first.downcase == "frame-ancestors" }
          directive && directive.drop(1)
        end
    end

    # An empty list and 'none' forbid every ancestor; 'none' beside other sources is ignored.
    def self.ancestor_allowed?(sources, embedder, page)
      sources
        .reject { |source| source.downcase == "'none'" }
        .any? { |source| source_matches?(source, embedder, page) }
    end

    def self.source_matches?(source, embedder, page)
      lowered = source.downcase
      return same_origin?(embedder, page) if lowered == "'self'"
      return false if lowered.start_with?("'")

      if (scheme = SCHEME_SOURCE.match(lowered))
        return scheme_matches?(scheme[1], embedder.scheme)
      end

      host_source = HOST_SOURCE.match(lowered)
      return false unless host_source

      scheme, host, port = host_source.captures
      return network_scheme?(embedder.scheme) if host == "*" && scheme.nil? && port.nil?

      # A host source without a scheme takes the protected page's scheme (http also allows https).
      expected_scheme = scheme || page.scheme
      return false unless scheme_matches?(expected_scheme, embedder.scheme)
      return false unless host_matches?(host, embedder.host)

      port_matches?(port, embedder)
    end

    def self.scheme_matches?(expected, actual)
      expected == actual || (expected == "http" && actual == "https")
    end

    def self.network_scheme?(scheme)
      DEFAULT_PORTS.key?(scheme)
    end

    def self.host_matches?(pattern, host)
      return true if pattern == "*"
      return host.end_with?(pattern[1..]) if pattern.start_with?("*.")

      pattern == host
    end

    # No port means the embedder's scheme's default port; port 80 also allows 443 (upgrade).
    def self.port_matches?(port, embedder)
      return true if port == "*"
      return embedder.port == DEFAULT_PORTS[embedder.scheme] if port.nil?

      port.to_i == embedder.port || (port.to_i == 80 && embedder.port == 443)
    end

    # HTML: split every X-Frame-Options value on commas; conflicting values refuse, several
    # unknown ones (and ALLOW-FROM, which browsers no longer implement) allow.
    def self.x_frame_options_allow?(header_values, embedder, page)
      options =
        header_values
          .flat_map { |value| value.split(",") }
          .map { |value| value.strip.downcase }
          .reject(&:empty?)
          .uniq
      return true if options.empty?

      known = %w[deny sameorigin allowall]
      return false if options.length > 1 && options.any? { |option| known.include?(option) }
      return true if options.length > 1
      return false if options.first == "deny"
      return same_origin?(embedder, page) if options.first == "sameorigin"

      true
    end

    def self.same_origin?(first, second)
      first == second
    end

    def self.parse_origin(url)
      match = url.is_a?(String) && ORIGIN.match(url)
      return nil unless match

      scheme = match[1].downcase
      port = match[3] ? match[3].to_i : DEFAULT_PORTS[scheme]
      Origin.new(scheme, match[2].downcase, port)
    end

    private_class_method :values,
                         :frame_ancestors_lists,
                         :ancestor_allowed?,
                         :source_matches?,
                         :scheme_matches?,
                         :network_scheme?,
                         :host_matches?,
                         :port_matches?,
                         :x_frame_options_allow?,
                         :same_origin?,
                         :parse_origin
  end
end

# frozen_string_literal: true

module ::OnlineClinic
  # The link card the shared screen shows for a page (docs/screen.md): title, description and
  # image from Discourse's onebox data, and whether the page lets itself be framed by our forum
  # (OnlineClinic::FramingPolicy on its response headers). Only headers and the onebox's text
  # fields are read; nothing of the page ever reaches a browser through us. Cached per address
  # for an hour in the site's cache.
  module ScreenLinkCard
    CACHE_TTL = 1.hour
    TIMEOUT_SECONDS = 5
    MAX_REDIRECTS = 5
    MAX_TITLE = 200
    MAX_DESCRIPTION = 500
    HOST = %r{\Ahttps?://([^/:?#]+)}

    module_function

    # url: an address the URL policy accepted (its normalised form).
    def for(url)
      Discourse.cache.fetch(cache_key(url), expires_in: CACHE_TTL) { build(url) }
    end

    def build(url)
      headers, final_url = fetch_headers(url)
      data = headers ? onebox_data(url) : {}
      {
        "url" => url,
        "title" => plain_text(data[:title], MAX_TITLE),
        "description" => plain_text(data[:description], MAX_DESCRIPTION),
        "image_url" => image_url(data[:image]),
        "domain" => url[HOST, 1],
        "frameable" =>
          OnlineClinic::FramingPolicy.frameable(
            headers,
            page_url: final_url || url,
            embedder_origin: Discourse.base_url_no_prefix,
          ),
      }
    end

    # The headers of the page the address finally leads to (redirects followed), through
    # FinalDestination, which refuses private addresses at connect time. Only the first chunk of
    # the body is read, then the connection is dropped. nil on any failure: framing is unknown.
    def fetch_headers(url)
      headers = nil
      destination =
        FinalDestination.new(url, timeout: TIMEOUT_SECONDS, max_redirects: MAX_REDIRECTS)
      final_url =
        destination.get do |response, chunk, _uri|
          # Redirects and errors are yielded without a chunk; only a success has a body.
          next if chunk.nil?
          headers = response.to_hash
          throw :done
        end
      headers && final_url ? [headers, final_url] : nil
    rescue StandardError => e
      Rails.logger.info("online-clinic screen card: no headers for #{url}: #{e.class}")
      nil
    end

    # Onebox's parsed data (og:/twitter: tags, oEmbed), not its HTML. Onebox fetches through
    # FinalDestination::HTTP; domains the admin blocked for oneboxes give no data.
    def onebox_data(url)
      host = url[HOST, 1]
      return {} if host.nil? || Onebox::DomainChecker.is_blocked?(host)

      data = Onebox.preview(url).data
      data.is_a?(Hash) ? data : {}
    rescue StandardError => e
      Rails.logger.info("online-clinic screen card: no onebox data for #{url}: #{e.class}")
      {}
    end

    # Shown as text by the client, never as HTML; control characters and runs of space go.
    def plain_text(value, max_length)
      return nil if !value.is_a?(String)
      text = value.gsub(/[[:cntrl:]]/, " ").squish
      text.presence && text.truncate(max_length)
    end

    # The image is loaded by members' browsers, so it passes the same URL policy as the screen.
    def image_url(value)
      return nil if !value.is_a?(String) || value.empty?
      verdict = OnlineClinic::ScreenUrlPolicy.check(value)
      verdict.accepted? ? verdict.url : nil
    end

    def cache_key(url)
      "online_clinic_screen_card:#{Digest::SHA256.hexdigest(url)}"
    end
  end
end

# frozen_string_literal: true

module ::OnlineClinic
  # The server's clock, for the browser's clock-offset samples (docs/sessions.md).
  class TimeController < SessionsBaseController
    def show
      render json: { server_now_ms: server_now_ms }
    end
  end
end

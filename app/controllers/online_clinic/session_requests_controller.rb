# frozen_string_literal: true

module ::OnlineClinic
  class SessionRequestsController < SessionsBaseController
    def create
      run_session_service(
        OnlineClinic::Session::Request,
        { clinic_id: params[:id], message: params[:message] },
      ) { render json: success_json }
    end
  end
end

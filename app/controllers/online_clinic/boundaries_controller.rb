# frozen_string_literal: true

module ::OnlineClinic
  class BoundariesController < SessionsBaseController
    def update
      run_session_service(
        OnlineClinic::Clinic::SetBoundary,
        { clinic_id: params[:id], text: params[:text] },
      ) { |clinic:| render json: { boundary_text: clinic.boundary_text } }
    end
  end
end

# frozen_string_literal: true

module ::OnlineClinic
  # The shared screen's endpoints (docs/contract.md, "## Screen"). Every answer, refusals
  # included, carries server_now_ms so the browser keeps its clock offset; a non-member gets
  # Discourse's plain 404 as everywhere else.
  class ScreensController < BaseController
    include OnlineClinic::MemberOnly

    # The document is loaded by a frame, not by Ember: check_xhr would send the app shell.
    skip_before_action :check_xhr, only: :document

    PAYLOAD_KEYS = %w[item reading video].freeze

    def show
      run_screen_service(OnlineClinic::Screen::Read) do |clinic:, outcome:|
        render_screen(
          outcome.state,
          permissions: {
            can_lead: can_lead?(clinic, outcome.state),
            can_lock: therapist?(clinic) && !clinic.archived?,
          },
        )
      end
    end

    def update
      # The leader's picture as the JSON body gave it; the pure rule keeps only known fields.
      payload = params.to_unsafe_h.slice(*PAYLOAD_KEYS)
      run_screen_service(OnlineClinic::Screen::Update, payload: payload) do |outcome:|
        render_screen(outcome.state)
      end
    end

    def take_lead
      run_screen_service(OnlineClinic::Screen::TakeLead) { |outcome:| render_screen(outcome.state) }
    end

    def release_lead
      run_screen_service(OnlineClinic::Screen::ReleaseLead) do |outcome:|
        render_screen(outcome.state)
      end
    end

    def heartbeat
      run_screen_service(OnlineClinic::Screen::Heartbeat) do |outcome:|
        render_screen(outcome.state)
      end
    end

    def lock
      run_screen_service(
        OnlineClinic::Screen::Lock,
        extra_params: {
          locked: params[:locked],
        },
      ) { |outcome:| render_screen(outcome.state) }
    end

    def preview
      OnlineClinic::Screen::Preview.call(
        params: {
          clinic_id: params[:id],
          url: params[:url],
        },
        guardian: guardian,
      ) do
        on_success { |card:| render json: card.merge("server_now_ms" => server_now_ms) }
        on_model_not_found(:clinic) { raise Discourse::NotFound }
        on_failed_contract { raise Discourse::NotFound }
        on_failed_policy(:can_act) { raise Discourse::NotFound }
        on_failed_step(:check_url) do |step|
          render_screen_error("url_#{step.error}", 422, field: "url")
        end
        on_failure { render_screen_error("failed", 422) }
      end
    rescue RateLimiter::LimitExceeded => e
      render_rate_limited(e)
    end

    # A PDF or text of the clinic, inline for the screen's frame (Discourse sends these as
    # attachments). Members only; an upload not shared in this clinic is not found.
    def document
      clinic = find_member_clinic!(params[:id])
      upload = Upload.find_by(id: params[:upload_id])
      if upload.nil? || !OnlineClinic::ClinicUploads.shared_in?(clinic, upload.id)
        raise Discourse::NotFound
      end
      type = OnlineClinic::ClinicUploads.inline_type(upload)
      raise Discourse::NotFound if type.nil?

      send_inline(upload, type)
    end

    private

    def send_inline(upload, type)
      path = OnlineClinic::ClinicUploads.file_path(upload)
      raise Discourse::NotFound if path.nil?

      response.headers["Cache-Control"] = "private, no-store"
      response.headers["X-Content-Type-Options"] = "nosniff"
      send_file(path, type: type, disposition: "inline", filename: upload.original_filename)
    end

    def run_screen_service(service, extra_params: {}, **dependencies, &on_done)
      service.call(
        params: { clinic_id: params[:id] }.merge(extra_params),
        guardian: guardian,
        **dependencies,
      ) do
        on_success(&on_done)
        on_model_not_found(:clinic) { raise Discourse::NotFound }
        on_failed_policy(:can_act) do |_policy, denial:|
          raise Discourse::NotFound if denial == :not_found
          render_screen_error(denial.to_s, 422)
        end
        on_failed_policy(:item_in_clinic) do
          render_screen_error("document_not_in_clinic", 422, field: "item.document_id")
        end
        on_failed_contract do |contract|
          field = contract.errors.attribute_names.first.to_s
          raise Discourse::NotFound if field == "clinic_id"
          render_screen_error("invalid_payload", 422, field: field)
        end
        on_failed_step(:check_outcome) do |step, outcome:|
          render_refused_outcome(step.error, outcome)
        end
        on_failure { render_screen_error("failed", 422) }
      end
    rescue RateLimiter::LimitExceeded => e
      render_rate_limited(e)
    end

    def render_screen(state, extra = {})
      render json: {
               state: OnlineClinic::ScreenStateSerializer.serialize(state, params[:id].to_i),
               **extra,
               server_now_ms: server_now_ms,
             }
    end

    # The pure rule's refusal, translated. not_leader carries the state so the browser resyncs.
    def render_refused_outcome(error, outcome)
      case error
      when :not_leader
        render_screen_error(
          "not_leader",
          409,
          state: OnlineClinic::ScreenStateSerializer.serialize(outcome.state, params[:id].to_i),
        )
      when :lead_locked, :not_therapist
        render_screen_error(error.to_s, 403)
      when :url_not_allowed
        render_screen_error("url_#{outcome.detail}", 422, field: "item.url")
      else
        render_screen_error("invalid_payload", 422, field: outcome.detail.to_s)
      end
    end

    # The shape of render_json_error (errors, error_type) with the screen's own fields beside
    # them, as the video controller renders its not-configured answer.
    def render_screen_error(type, status, extra = {})
      render json: {
               errors: [I18n.t("online_clinic.screen.errors.#{type}")],
               error_type: type,
               **extra,
               server_now_ms: server_now_ms,
             },
             status: status
    end

    # Discourse's own translated rate-limit message (as ApplicationController renders it).
    def render_rate_limited(error)
      response.headers["Retry-After"] = error.available_in.to_s
      render json: {
               errors: [error.description],
               error_type: "rate_limit",
               wait_seconds: error.available_in,
               server_now_ms: server_now_ms,
             },
             status: :too_many_requests
    end

    def therapist?(clinic)
      clinic.member_roles[current_user.id] == :therapist
    end

    def can_lead?(clinic, state)
      !clinic.archived? && (!state["locked"] || therapist?(clinic))
    end

    def server_now_ms
      OnlineClinic::SessionState.to_ms(Time.now)
    end
  end
end

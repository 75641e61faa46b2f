# frozen_string_literal: true

module ::OnlineClinic
  class SessionsController < SessionsBaseController
    TOPIC_CHOICES = 20

    # Everything the clinic page needs about sessions, in a fixed number of queries.
    def index
      clinic = find_visible_clinic!(clinic_scope.find_by(id: params[:id]))
      sessions =
        OnlineClinic::Session.where(clinic_id: clinic.id).includes(:started_by, :ended_by, :topic)
      current = sessions.open_sessions.first
      recent = sessions.ended.order(number: :desc).limit(OnlineClinic::Session::RECENT_LIMIT).to_a
      serialized = serialize_sessions([current, *recent].compact, clinic)
      policy = session_policy(clinic)
      therapist = clinic.members_with_role("therapist").first
      render json: {
               current: current && serialized.first,
               recent: current ? serialized.drop(1) : serialized,
               upcoming: serialize_upcoming(clinic),
               boundary_text: clinic.boundary_text,
               default_minutes: SiteSetting.online_clinic_session_minutes,
               time_zone: OnlineClinic::SessionCalendar.time_zone(clinic, therapist),
               permissions: policy.permissions,
               topics: policy.permissions[:can_start] ? recent_topics(clinic) : [],
               server_now_ms: server_now_ms,
             }
    end

    def create
      run_session_service(
        OnlineClinic::Session::Start,
        {
          clinic_id: params[:id],
          mode: params[:mode],
          planned_minutes: params[:planned_minutes],
          topic_id: params[:topic_id],
          request_id: params[:request_id],
        },
      ) { |session:, clinic:| render_session(session, clinic) }
    end

    def pause
      transition(OnlineClinic::Session::Pause)
    end

    def resume
      transition(OnlineClinic::Session::Resume)
    end

    def extend_time
      transition(OnlineClinic::Session::Extend, minutes: params[:minutes])
    end

    def finish
      transition(OnlineClinic::Session::End)
    end

    private

    # The clinic's recently active topics, which a written session may continue.
    def recent_topics(clinic)
      Topic
        .listable_topics
        .where(category_id: clinic.category_id, deleted_at: nil)
        .where.not(id: clinic.category.topic_id)
        .order(bumped_at: :desc)
        .limit(TOPIC_CHOICES)
        .pluck(:id, :title)
        .map { |id, title| { id: id, title: title } }
    end

    def transition(service, extra = {})
      run_session_service(service, { session_id: params[:id], **extra }) do |session:, clinic:|
        render_session(session, clinic)
      end
    end
  end
end

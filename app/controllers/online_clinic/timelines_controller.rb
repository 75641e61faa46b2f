# frozen_string_literal: true

module ::OnlineClinic
  # GET /online-clinic/clinics/:id/timeline.json (docs/contract.md, "## Record"): one bounded
  # query per source from the cursor on, merged into one page by the pure TimelinePage.
  class TimelinesController < BaseController
    include OnlineClinic::MemberOnly

    def show
      clinic = find_member_clinic!(params[:id])
      page_params = read_page_params
      page = OnlineClinic::TimelineQuery.new(clinic, **page_params).page
      render json: page
    rescue OnlineClinic::TimelinePage::InvalidParameter => e
      render_json_error(
        I18n.t("online_clinic.record.errors.#{e.reason}"),
        type: e.reason.to_s,
        status: 422,
      )
    end

    private

    def read_page_params
      {
        kinds: OnlineClinic::TimelinePage.parse_kinds(params[:kinds]),
        limit: OnlineClinic::TimelinePage.parse_limit(params[:limit]),
        start:
          OnlineClinic::TimelinePage.start(
            cursor: OnlineClinic::TimelinePage.decode_cursor(params[:cursor].presence),
            from_ms: OnlineClinic::TimelinePage.parse_from(params[:from].presence),
          ),
      }
    end
  end
end

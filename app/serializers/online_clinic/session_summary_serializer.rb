# frozen_string_literal: true

module ::OnlineClinic
  # SessionSummary in docs/contract.md, from the hash stored with an ended session
  # (OnlineClinic::SessionSummary.build). options[:users]: id => User of the participants.
  class SessionSummarySerializer < ApplicationSerializer
    attributes :mode,
               :actual_seconds,
               :planned_seconds,
               :wall_clock_seconds,
               :pause_count,
               :paused_seconds,
               :ended_reason,
               :participants

    %i[
      mode
      actual_seconds
      planned_seconds
      wall_clock_seconds
      pause_count
      paused_seconds
      ended_reason
    ].each { |name| define_method(name) { object[name.to_s] } }

    # Video and face-to-face sessions count no posts: an empty list.
    def participants
      Array(object["participants"]).filter_map do |participant|
        user = @options[:users][participant["user_id"]]
        next if user.nil?
        {
          user: UserSummarySerializer.new(user, root: false).as_json,
          posts: participant["posts"],
          words: participant["words"],
        }
      end
    end
  end
end

# frozen_string_literal: true

module ::OnlineClinic
  class UserSummarySerializer < ApplicationSerializer
    attributes :id, :username, :name, :avatar_template
  end
end

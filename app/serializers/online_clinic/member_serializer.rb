# frozen_string_literal: true

module ::OnlineClinic
  # Serializes a Membership as the user plus their role in the clinic.
  class MemberSerializer < ApplicationSerializer
    attributes :id, :username, :name, :avatar_template, :role

    delegate :username, :name, :avatar_template, to: :user

    def id
      object.user_id
    end

    private

    def user
      object.user
    end
  end
end

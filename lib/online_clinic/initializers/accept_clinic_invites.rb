# frozen_string_literal: true

module ::OnlineClinic
  module Initializers
    # InviteRedeemer#add_user_to_groups fires :user_added_to_group when an invited client
    # lands in the clinic's group; that is when the membership is recorded.
    class AcceptClinicInvites < Initializer
      def apply
        plugin.on(:user_added_to_group) do |user, group|
          OnlineClinic::Clinic::AcceptInvite.call(params: { user_id: user.id, group_id: group.id })
        end
      end
    end
  end
end

# frozen_string_literal: true

module ::OnlineClinic
  module Initializers
    class SerializeClinics < Initializer
      def apply
        # The sidebar's "My clinic" section.
        plugin.add_to_serializer(:current_user, :online_clinics) do
          OnlineClinic::Membership
            .includes(clinic: :category)
            .where(user_id: object.id)
            .map do |membership|
              clinic = membership.clinic
              { id: clinic.id, name: clinic.name, url: clinic.category.url, role: membership.role }
            end
        end

        # Shows "New clinic" and "Open a clinic for @user" to a therapist with no clinic yet.
        plugin.add_to_serializer(:current_user, :can_open_online_clinic) do
          OnlineClinic::ClinicPolicy.can_create_clinic?(
            OnlineClinic::ClinicAccess.actor_for(object),
          )
        end

        # Serialized only with categories the user can already see.
        plugin.add_to_serializer(
          :basic_category,
          :online_clinic_id,
          include_condition: -> { OnlineClinic::Clinic.category_ids.include?(object.id) },
        ) { OnlineClinic::Clinic.where(category_id: object.id).pick(:id) }
      end
    end
  end
end

# frozen_string_literal: true

module ::OnlineClinic
  # Turns the usernames and emails a therapist typed into existing users and addresses to
  # invite, with one translated message per entry that cannot be used.
  class ClientResolver
    Result = Struct.new(:users, :emails, :errors, keyword_init: true)

    def initialize(therapist)
      @therapist = therapist
    end

    def resolve(usernames: [], emails: [])
      users = []
      invite_emails = []
      errors = []

      Array(usernames)
        .map { |name| name.to_s.strip.delete_prefix("@") }
        .reject(&:blank?)
        .uniq
        .each do |username|
          user = User.find_by(username_lower: username.downcase)
          if user.nil? || user.id == @therapist.id
            errors << I18n.t("online_clinic.errors.unknown_user", username: username)
          else
            users << user
          end
        end

      Array(emails)
        .map { |email| email.to_s.strip }
        .reject(&:blank?)
        .uniq
        .each do |email|
          if !Email.is_valid?(email)
            errors << I18n.t("online_clinic.errors.invalid_email", email: email)
          elsif (existing = Invite.find_user_by_email(email))
            users << existing if existing.id != @therapist.id
          else
            invite_emails << Email.downcase(email)
          end
        end

      Result.new(users: users.uniq(&:id), emails: invite_emails.uniq, errors: errors)
    end
  end
end

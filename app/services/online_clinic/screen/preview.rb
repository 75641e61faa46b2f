# frozen_string_literal: true

# The link card for a page a member wants to show (docs/contract.md, "## Screen"): the URL
# policy first, then OnlineClinic::ScreenLinkCard. Limited per member, since each new address
# makes the server fetch the page's headers and onebox data.
class OnlineClinic::Screen::Preview
  include Service::Base

  PER_MINUTE = 20

  params do
    attribute :clinic_id, :integer
    attribute :url, :string

    validates :clinic_id, presence: true
  end

  model :clinic
  policy :can_act
  step :limit_rate
  step :check_url
  step :build_card

  private

  def fetch_clinic(params:)
    OnlineClinic::Clinic.includes(:memberships).find_by(id: params.clinic_id)
  end

  # Members only; an archived clinic's members may still look.
  def can_act(clinic:, guardian:)
    context[:denial] = clinic.member_roles.key?(guardian.user&.id) ? nil : :not_found
    context[:denial].nil?
  end

  def limit_rate(clinic:, guardian:)
    RateLimiter.new(
      guardian.user,
      "online-clinic-screen-preview-#{clinic.id}",
      PER_MINUTE,
      1.minute,
      apply_limit_to_staff: true,
    ).performed!
  end

  def check_url(params:)
    verdict = OnlineClinic::ScreenUrlPolicy.check(params.url)
    fail!(verdict.reason) if !verdict.accepted?
    context[:url] = verdict.url
  end

  def build_card(url:)
    context[:card] = OnlineClinic::ScreenLinkCard.for(url)
  end
end
